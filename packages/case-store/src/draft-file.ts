/**
 * A draft as a file the person keeps: when the browser cannot store it (full, blocked, private mode) or to move
 * it to another device. `exportDraft` writes JSON with a format marker, a file version and a SHA-256 of the draft;
 * `importDraft` reads it back and says clearly what is wrong with a file that is not such a draft.
 *
 * File: `{ "format": "hoso-draft", "version": 1, "exportedAt": ISO, "sha256": hex of JSON.stringify(draft),
 * "draft": Draft }`.
 */
import { DraftFileError, type LocalizedText } from './errors.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { sha256Hex } from './sha256.js';
import type { Draft } from './types.js';

export const DRAFT_FILE_FORMAT = 'hoso-draft';
export const DRAFT_FILE_VERSION = 1;

/** The check on import: the platform's SHA-256 (the export uses `sha256Hex`; a test keeps the two equal). */
async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The draft as a JSON file (`application/json`), at once: it works while the store is failing and from a click
 * handler that must start the download synchronously.
 */
export function exportDraft(draft: Draft): Blob {
  const content = JSON.stringify(draft);
  if (content === undefined) throw new TypeError('exportDraft: expected a draft object');
  const file = {
    format: DRAFT_FILE_FORMAT,
    version: DRAFT_FILE_VERSION,
    exportedAt: new Date().toISOString(),
    sha256: sha256Hex(content),
    draft: JSON.parse(content) as Draft,
  };
  return new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
}

/** A file name for the export: `hoso-draft_<form>_<yyyy-mm-dd>.json`, safe on every system. */
export function draftFileName(draft: Draft, now = new Date()): string {
  const form = draft.form.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'form';
  return `hoso-draft_${form}_${now.toISOString().slice(0, 10)}.json`;
}

const TEXT = { vi: 'văn bản', en: 'text' };
const WHOLE = { vi: 'số nguyên', en: 'a whole number' };
const FIELDS: Array<[keyof Draft, LocalizedText, (v: unknown) => boolean]> = [
  ['id', TEXT, (v) => typeof v === 'string' && v !== ''],
  ['procedure', TEXT, (v) => typeof v === 'string' && v !== ''],
  ['form', TEXT, (v) => typeof v === 'string' && v !== ''],
  ['formVersion', TEXT, (v) => typeof v === 'string' && v !== ''],
  ['step', WHOLE, (v) => Number.isInteger(v) && (v as number) >= 0],
  ['data', { vi: 'dữ liệu biểu mẫu', en: 'the form data' }, (v) => v !== undefined],
  ['rev', WHOLE, (v) => Number.isInteger(v) && (v as number) >= 0],
  ['updatedAt', { vi: 'ngày giờ', en: 'a date' }, (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v))],
];

/**
 * Reads a file `exportDraft` wrote. Rejects with `DraftFileError` (`reason` `not-json` with line and column,
 * `wrong-format`, `unsupported-version`, `checksum`, `missing-fields` naming them). The draft comes back as it was
 * exported (its `rev` included): save it with `saveDraftCopy`, or with `saveDraft` against the stored rev.
 */
export async function importDraft(file: Blob): Promise<Draft> {
  if (!(file instanceof Blob)) throw new TypeError('importDraft: expected a File or Blob');
  const text = (await file.text()).replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const where = findJsonSyntaxError(text);
    const detail = where
      ? {
          vi: `Dòng ${where.line}, cột ${where.column}: ${where.message}.`,
          en: `Line ${where.line}, column ${where.column}: ${where.message}.`,
        }
      : { vi: `${String(error)}.`, en: `${String(error)}.` };
    throw new DraftFileError('not-json', detail, error);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DraftFileError('wrong-format', {
      vi: `Tệp chứa ${Array.isArray(parsed) ? 'một mảng' : JSON.stringify(parsed)}, không phải một đối tượng.`,
      en: `The file holds ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}, not an object.`,
    });
  }
  const envelope = parsed as Record<string, unknown>;
  if (envelope.format !== DRAFT_FILE_FORMAT) {
    const found = JSON.stringify(envelope.format);
    throw new DraftFileError('wrong-format', {
      vi: `"format" là ${found}, cần "${DRAFT_FILE_FORMAT}".`,
      en: `"format" is ${found}, expected "${DRAFT_FILE_FORMAT}".`,
    });
  }
  if (envelope.version !== DRAFT_FILE_VERSION) {
    const newer = typeof envelope.version === 'number' && envelope.version > DRAFT_FILE_VERSION;
    const found = JSON.stringify(envelope.version);
    throw new DraftFileError(newer ? 'unsupported-version' : 'wrong-format', {
      vi: `"version" là ${found}, trang này đọc được phiên bản ${DRAFT_FILE_VERSION}.`,
      en: `"version" is ${found}, this page reads version ${DRAFT_FILE_VERSION}.`,
    });
  }
  const missing = [
    ...(typeof envelope.sha256 === 'string' ? [] : ['sha256']),
    ...(typeof envelope.draft === 'object' && envelope.draft !== null && !Array.isArray(envelope.draft)
      ? []
      : ['draft']),
  ];
  if (missing.length) {
    throw new DraftFileError('missing-fields', {
      vi: `Thiếu: ${missing.join(', ')}.`,
      en: `Missing: ${missing.join(', ')}.`,
    });
  }
  const actual = await sha256(JSON.stringify(envelope.draft));
  if (actual !== envelope.sha256) {
    throw new DraftFileError('checksum', {
      vi: `SHA-256 của bản nháp là ${actual}, tệp ghi ${String(envelope.sha256)}.`,
      en: `The draft's SHA-256 is ${actual}, the file says ${String(envelope.sha256)}.`,
    });
  }
  const draft = envelope.draft as Record<string, unknown>;
  const wrong = FIELDS.filter(([key, , ok]) => !ok(draft[key]));
  if (wrong.length) {
    throw new DraftFileError('missing-fields', {
      vi: `Thiếu hoặc sai: ${wrong.map(([key, what]) => `draft.${key} (${what.vi})`).join(', ')}.`,
      en: `Missing or invalid: ${wrong.map(([key, what]) => `draft.${key} (${what.en})`).join(', ')}.`,
    });
  }
  return draft as unknown as Draft;
}
