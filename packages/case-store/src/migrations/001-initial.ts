/**
 * Database version 1, as the first release shipped it: the five object stores. Version 1 had no `byPersonalId`
 * index; the person's ID number lived in `person.idNumber` (see 002).
 */
import type { DatabaseMigration } from '../schema.js';

export const initial: DatabaseMigration = {
  version: 1,
  description: 'object stores cases, drafts, attachments, outbox, audit',
  apply(db) {
    const cases = db.createObjectStore('cases', { keyPath: 'id' });
    cases.createIndex('byCommune', 'person.communeCode');
    cases.createIndex('byProcedure', 'procedure');
    cases.createIndex('byUpdated', 'updatedAt');
    db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byCase', 'caseId');
    db.createObjectStore('attachments', { keyPath: 'id' }).createIndex('byCase', 'caseId');
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('byStatus', 'status');
    outbox.createIndex('byCase', 'caseId');
    db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true }).createIndex('byCase', 'caseId');
  },
};
