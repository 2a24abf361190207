/**
 * Database version 2: a person's personal ID moves from `person.idNumber` to `person.personalId`, and the
 * `byPersonalId` index finds every case of one person (`casesOfPerson`). Every stored case is rewritten in the
 * upgrade transaction: if anything fails, the transaction aborts and the version-1 data stays as it was.
 *
 * A case that already has a different `personalId` keeps both values (nothing is dropped); the old one stays in
 * `person.idNumber` for a person to check.
 */
import type { DatabaseMigration } from '../schema.js';

export const personalId: DatabaseMigration = {
  version: 2,
  description: 'cases: person.idNumber → person.personalId, index byPersonalId',
  async apply(_db, tx) {
    const cases = tx.objectStore('cases');
    cases.createIndex('byPersonalId', 'person.personalId');
    for (let cursor = await cases.openCursor(); cursor; cursor = await cursor.continue()) {
      const record = cursor.value;
      const person = record.person as Record<string, unknown> | undefined;
      if (!person || !('idNumber' in person)) continue;
      const { idNumber, ...rest } = person;
      if (rest.personalId === undefined || rest.personalId === idNumber) {
        await cursor.update({ ...record, person: { ...rest, personalId: idNumber as string } });
      }
    }
  },
};
