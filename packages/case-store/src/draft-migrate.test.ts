import { expect } from '@open-wc/testing';
import { migrateDraft, type FormMigrations } from './draft-migrate.js';
import { MigrationError } from './errors.js';
import { makeDraft, rejection } from './test/helpers.js';
import type { Draft } from './types.js';

const note = { vi: 'Đổi tên trường', en: 'Field renamed' };
const form = (version: number, ...migrations: FormMigrations['migrations']): FormMigrations => ({
  version,
  migrations,
});
const draftV = (formVersion: string, data: unknown, extra: Partial<Draft> = {}) =>
  makeDraft('c1/registration', data, { formVersion, ...extra });

interface Row {
  name: string;
  data: unknown;
  ops: FormMigrations['migrations'][number]['ops'];
  expected: unknown;
  flagged?: string[];
  unmigrated?: Record<string, unknown>;
}

const rows: Row[] = [
  {
    name: 'move renames a field',
    data: { person: { idNumber: '001203004567', fullName: 'An' } },
    ops: [{ op: 'move', from: '/person/idNumber', to: '/person/personalId' }],
    expected: { person: { personalId: '001203004567', fullName: 'An' } },
  },
  {
    name: 'move into an object that does not exist yet creates it',
    data: { phone: '0912345678' },
    ops: [{ op: 'move', from: '/phone', to: '/contact/phone' }],
    expected: { contact: { phone: '0912345678' } },
  },
  {
    name: 'move of an absent field does nothing',
    data: { a: 1 },
    ops: [{ op: 'move', from: '/missing', to: '/b' }],
    expected: { a: 1 },
  },
  {
    name: 'move onto an occupied field keeps the old value aside and flags it',
    data: { person: { idNumber: '111', personalId: '222' } },
    ops: [{ op: 'move', from: '/person/idNumber', to: '/person/personalId' }],
    expected: { person: { personalId: '222' } },
    flagged: ['person.idNumber'],
    unmigrated: { '/person/idNumber': '111' },
  },
  {
    name: 'move onto a field holding the same value is a plain move',
    data: { a: { x: [1, 2] }, b: { x: [1, 2] } },
    ops: [{ op: 'move', from: '/a', to: '/b' }],
    expected: { b: { x: [1, 2] } },
  },
  {
    name: 'move under a value that is not an object keeps the value aside',
    data: { address: 'Hà Nội', ward: 'Phúc Xá' },
    ops: [{ op: 'move', from: '/ward', to: '/address/ward' }],
    expected: { address: 'Hà Nội' },
    flagged: ['ward'],
    unmigrated: { '/ward': 'Phúc Xá' },
  },
  {
    name: 'remove keeps what was typed and flags it',
    data: { person: { fax: '024 3825 1234', fullName: 'An' } },
    ops: [{ op: 'remove', path: '/person/fax' }],
    expected: { person: { fullName: 'An' } },
    flagged: ['person.fax'],
    unmigrated: { '/person/fax': '024 3825 1234' },
  },
  {
    name: 'remove of an array element splices it out and keeps it',
    data: { family: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] },
    ops: [{ op: 'remove', path: '/family/1' }],
    expected: { family: [{ name: 'A' }, { name: 'C' }] },
    flagged: ['family.1'],
    unmigrated: { '/family/1': { name: 'B' } },
  },
  {
    name: 'set writes a default where nothing was typed',
    data: {},
    ops: [{ op: 'set', path: '/consent/version', value: '2026' }],
    expected: { consent: { version: '2026' } },
  },
  {
    name: 'set with ifMissing leaves a typed value alone',
    data: { nationality: 'LA' },
    ops: [{ op: 'set', path: '/nationality', value: 'VN', ifMissing: true }],
    expected: { nationality: 'LA' },
  },
  {
    name: 'set over a different typed value keeps the old value and flags it',
    data: { status: 'single' },
    ops: [{ op: 'set', path: '/status', value: 'unknown' }],
    expected: { status: 'unknown' },
    flagged: ['status'],
    unmigrated: { '/status': 'single' },
  },
  {
    name: 'pointers with escaped characters',
    data: { 'a/b': 1, 'c~d': 2 },
    ops: [
      { op: 'move', from: '/a~1b', to: '/ab' },
      { op: 'remove', path: '/c~0d' },
    ],
    expected: { ab: 1 },
    flagged: ['c~d'],
    unmigrated: { '/c~0d': 2 },
  },
];

describe('migrateDraft', () => {
  for (const row of rows) {
    it(row.name, () => {
      const draft = draftV('1', row.data);
      const frozen = JSON.stringify(draft);
      const migrated = migrateDraft(draft, form(2, { from: 1, to: 2, note, ops: row.ops }));
      expect(migrated.data).to.deep.equal(row.expected);
      expect(migrated.formVersion).to.equal('2');
      expect(migrated.flagged).to.deep.equal(row.flagged);
      expect(migrated.unmigrated).to.deep.equal(row.unmigrated);
      expect(JSON.stringify(draft)).to.equal(frozen); // the draft given is untouched
      expect([migrated.id, migrated.step, migrated.rev]).to.deep.equal([draft.id, draft.step, draft.rev]);
    });
  }

  it('runs a chain of migrations in order, skipping versions a step jumps over', () => {
    const migrations = form(
      4,
      { from: 1, to: 3, note, ops: [{ op: 'move', from: '/name', to: '/fullName' }] },
      {
        from: 3,
        to: 4,
        note,
        ops: [
          { op: 'move', from: '/fullName', to: '/person/fullName' },
          { op: 'remove', path: '/old' },
        ],
      },
    );
    const fromV1 = migrateDraft(draftV('1', { name: 'An', old: true }), migrations);
    expect(fromV1.data).to.deep.equal({ person: { fullName: 'An' } });
    expect(fromV1.formVersion).to.equal('4');
    expect(fromV1.unmigrated).to.deep.equal({ '/old': true });
    const fromV3 = migrateDraft(draftV('3', { fullName: 'Bình' }), migrations);
    expect(fromV3.data).to.deep.equal({ person: { fullName: 'Bình' } });
  });

  it('keeps earlier flags and a second value for the same pointer', () => {
    const draft = draftV('1', { x: 'new' }, { flagged: ['x'], unmigrated: { '/x': 'very old' } });
    const migrated = migrateDraft(draft, form(2, { from: 1, to: 2, note, ops: [{ op: 'remove', path: '/x' }] }));
    expect(migrated.flagged).to.deep.equal(['x']);
    expect(migrated.unmigrated).to.deep.equal({ '/x': 'very old', '/x@1': 'new' });
  });

  it('returns the same draft when it is already at the form’s version', () => {
    const draft = draftV('2', { a: 1 });
    expect(migrateDraft(draft, form(2, { from: 1, to: 2, note, ops: [{ op: 'remove', path: '/a' }] }))).to.equal(draft);
  });

  const refusals: Array<[string, Draft, FormMigrations, string]> = [
    ['a draft from a newer version', draftV('3', {}), form(2), 'saved with version 3'],
    [
      'a draft whose version is not a number',
      draftV('v1.0-beta', {}),
      form(2),
      'form version "v1.0-beta" is not a version number',
    ],
    [
      'a version no migration leads on from',
      draftV('1', {}),
      form(3, { from: 2, to: 3, note, ops: [] }),
      'no migration from version 1',
    ],
    [
      'a malformed pointer',
      draftV('1', {}),
      form(2, { from: 1, to: 2, note, ops: [{ op: 'remove', path: 'person' }] }),
      'migration 1→2, op 0',
    ],
    [
      'an unknown op',
      draftV('1', {}),
      form(2, { from: 1, to: 2, note, ops: [{ op: 'copy' } as never] }),
      'unknown op "copy"',
    ],
    [
      'a form version that is not a number',
      draftV('1', {}),
      { version: '2' as unknown as number, migrations: [] },
      'is not an integer',
    ],
  ];
  for (const [name, draft, migrations, message] of refusals) {
    it(`refuses ${name} with MigrationError, leaving the draft as it was`, async () => {
      const before = JSON.stringify(draft);
      const error = await rejection(Promise.resolve().then(() => migrateDraft(draft, migrations)));
      expect(error).to.be.instanceOf(MigrationError);
      expect(String(error)).to.contain(message);
      expect((error as MigrationError).messages.vi).to.contain('Dữ liệu cũ vẫn được giữ nguyên');
      expect(JSON.stringify(draft)).to.equal(before);
    });
  }
});
