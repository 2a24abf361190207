import { expect } from '@open-wc/testing';
import { draftFileName, exportDraft, importDraft } from './draft-file.js';
import { DraftFileError } from './errors.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { sha256Hex } from './sha256.js';
import { openCaseStore } from './store.js';
import { cleanUp, makeDraft, rejection, uniqueName } from './test/helpers.js';
import type { Draft } from './types.js';

const draft: Draft = makeDraft(
  'c1/registration',
  {
    person: { fullName: 'Đặng Thị Hương', dateOfBirth: '1990-02-03' },
    family: [{ name: 'Đặng Văn Tú', relation: 'father' }],
    consent: true,
    count: 3.5,
  },
  { rev: 4, flagged: ['person.fax'], unmigrated: { '/person/fax': '024 1234' } },
);

async function envelope(d: Draft = draft): Promise<Record<string, unknown>> {
  return JSON.parse(await exportDraft(d).text()) as Record<string, unknown>;
}
const fileOf = (value: unknown) =>
  new Blob([typeof value === 'string' ? value : JSON.stringify(value)], { type: 'application/json' });

async function refused(file: Blob): Promise<DraftFileError> {
  const error = await rejection(importDraft(file));
  expect(error).to.be.instanceOf(DraftFileError);
  return error as DraftFileError;
}

describe('draft files', () => {
  afterEach(cleanUp);

  it('round-trips a draft through a file, Vietnamese text, flags and all', async () => {
    const file = exportDraft(draft);
    expect(file.type).to.equal('application/json');
    const text = await file.text();
    expect(text).to.contain('"format": "hoso-draft"').and.contain('Đặng Thị Hương');
    expect(await importDraft(new File([file], 'x.json'))).to.deep.equal(draft);
  });

  it('carries a SHA-256 of the draft that a change to any character breaks', async () => {
    const env = await envelope();
    expect(env.sha256).to.match(/^[0-9a-f]{64}$/);
    const tampered = JSON.stringify(env).replace('Đặng Thị Hương', 'Đặng Thị Hường');
    const error = await refused(fileOf(tampered));
    expect(error.reason).to.equal('checksum');
    expect(error.messages.en).to.contain('changed or damaged').and.contain(String(env.sha256));
    expect(error.messages.vi).to.contain('mã kiểm tra không khớp');
  });

  it('says at which line and column a file stops being JSON', async () => {
    const text = (await exportDraft(draft).text()).replace('"step": 2,', '"step": 2');
    const error = await refused(fileOf(text));
    expect(error.reason).to.equal('not-json');
    const line = text.split('\n').findIndex((l) => l.includes('"step": 2')) + 2; // the next key is where it breaks
    expect(error.messages.en).to.contain(`Line ${line}, column 5: expected "," or "}"`);
    expect(error.messages.vi).to.contain(`Dòng ${line}, cột 5`);
    expect((await refused(fileOf(''))).messages.en).to.contain(
      'Line 1, column 1: expected a value, found the end of the file',
    );
  });

  const wrong: Array<[string, unknown, string, string]> = [
    ['an array', [1, 2], 'wrong-format', 'holds an array'],
    [
      'another JSON file',
      { name: 'package', version: '1.0.0' },
      'wrong-format',
      '"format" is undefined, expected "hoso-draft"',
    ],
    [
      'a newer file version',
      { format: 'hoso-draft', version: 2 },
      'unsupported-version',
      '"version" is 2, this page reads version 1',
    ],
    ['no draft and no checksum', { format: 'hoso-draft', version: 1 }, 'missing-fields', 'Missing: sha256, draft.'],
  ];
  for (const [name, value, reason, message] of wrong) {
    it(`refuses ${name}`, async () => {
      const error = await refused(fileOf(value));
      expect(error.reason).to.equal(reason);
      expect(error.messages.en).to.contain(message);
      expect(error.messages.vi).to.not.equal(error.messages.en);
    });
  }

  it('names the draft fields that are missing or invalid', async () => {
    const { step: _step, data: _data, ...partial } = draft;
    const broken = { ...partial, rev: -1 } as unknown as Draft;
    const error = await refused(fileOf(await envelope(broken)));
    expect(error.reason).to.equal('missing-fields');
    expect(error.messages.en).to.contain(
      'draft.step (a whole number), draft.data (the form data), draft.rev (a whole number)',
    );
    expect(error.messages.vi).to.contain('draft.step (số nguyên)');
  });

  it('an imported draft can be kept next to the stored one', async () => {
    const store = await openCaseStore({ name: uniqueName('file') });
    try {
      await store.saveDraft(draft, { expectedRev: 0 });
      const imported = await importDraft(exportDraft({ ...draft, data: { edited: 'offline' } }));
      const copy = await store.saveDraftCopy(imported);
      expect((await store.getDraft(copy.id))?.data).to.deep.equal({ edited: 'offline' });
      expect((await store.getDraft(draft.id))?.data).to.deep.equal(draft.data);
    } finally {
      store.close();
    }
  });

  it('names the file after the form and the day', () => {
    expect(draftFileName(draft, new Date('2026-11-23T10:00:00Z'))).to.equal(
      'hoso-draft_voluntary-rehab-registration_2026-11-23.json',
    );
  });
});

describe('sha256Hex', () => {
  it('agrees with crypto.subtle on empty, ASCII, Vietnamese, block-boundary and long inputs', async () => {
    const inputs = [
      '',
      'abc',
      'Nguyễn Thị Hương — số 12/3 đường Lê Lợi',
      'x'.repeat(55),
      'y'.repeat(56),
      'z'.repeat(64),
      'đ'.repeat(100_000),
    ];
    for (const text of inputs) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const expected = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      expect(sha256Hex(text), `${text.length} characters`).to.equal(expected);
    }
    expect(sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 example
  });
});

describe('findJsonSyntaxError', () => {
  const cases: Array<[string, string | undefined]> = [
    ['{"a": [1, 2, {"b": null}], "c": "x\\u00e9\\n"}', undefined],
    ['{"a": 1,}', '1:9 expected a string, found "}"'],
    ['{"a" 1}', '1:6 expected ":", found "1"'],
    ['[1, 2\n, 3', '2:4 expected "," or "]", found the end of the file'],
    ['{"a": "line\nbreak"}', '1:12 a control character (such as a line break) inside a string'],
    ['{"a": tru}', '1:7 expected a value, found "t"'],
    ['{"a": 01}', '1:8 expected "," or "}", found "1"'],
    ['{"a": "\\x"}', '1:8 invalid escape \\x'],
    ['{} {}', '1:4 unexpected "{" after the end of the JSON value'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected ?? 'valid'}`, () => {
      const found = findJsonSyntaxError(text);
      expect(found && `${found.line}:${found.column} ${found.message}`).to.equal(expected);
      expect(expected === undefined).to.equal(
        (() => {
          try {
            JSON.parse(text);
            return true;
          } catch {
            return false;
          }
        })(),
      );
    });
  }
});
