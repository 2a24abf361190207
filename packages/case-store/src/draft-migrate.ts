/**
 * `migrateDraft`: brings a draft typed against an older version of its form to the current version, by the
 * declared, ordered ops of the form's `migrations.json` (exported by `hoso build` as `version` and `migrations`
 * from each generated form module). Pure: the draft given is never changed.
 *
 * Nothing a person typed is dropped. A value the ops would lose — a removed field, a move onto a field that already
 * holds something else, a `set` over a different value — is kept in `draft.unmigrated` under its old JSON pointer,
 * and its dotted path is listed in `draft.flagged` for a person to re-check.
 */
import { MigrationError, type LocalizedText } from './errors.js';
import { dottedPath, getAt, parsePointer, removeAt, sameJson, setAt } from './json-pointer.js';
import type { Draft } from './types.js';

export type DraftMigrationOp =
  | { readonly op: 'move'; readonly from: string; readonly to: string }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'set'; readonly path: string; readonly value: unknown; readonly ifMissing?: boolean };

export interface FormMigration {
  readonly from: number;
  readonly to: number;
  readonly note?: LocalizedText;
  readonly ops: ReadonlyArray<DraftMigrationOp>;
}

/** What a generated form module exports: its data version and the chain of migrations up to it. */
export interface FormMigrations {
  readonly version: number;
  readonly migrations: ReadonlyArray<FormMigration>;
}

const isVersion = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

function draftVersion(draft: Draft): number {
  const raw = draft.formVersion as unknown;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!isVersion(n)) {
    throw new MigrationError(
      `draft ${draft.id}: form version ${JSON.stringify(raw)} is not a version number of ${draft.form}`,
    );
  }
  return n;
}

/** Copies JSON data (drafts hold JSON only). */
const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/**
 * Returns `draft` brought to `form.version` (the same object when it is already there). Throws `MigrationError`,
 * leaving the draft as it was, when the draft's version is unknown or newer than the form's, when no declared
 * migration leads on from a version, or when an op is malformed (the error names the migration and op).
 */
export function migrateDraft(draft: Draft, form: FormMigrations): Draft {
  if (!isVersion(form?.version))
    throw new MigrationError(`form ${draft.form}: version ${JSON.stringify(form?.version)} is not an integer ≥ 1`);
  const target = form.version;
  let current = draftVersion(draft);
  if (current === target) return draft;
  if (current > target) {
    throw new MigrationError(
      `draft ${draft.id} was saved with version ${current} of ${draft.form}, newer than this page's version ${target}`,
    );
  }
  const data: unknown = draft.data === undefined || draft.data === null ? {} : copy(draft.data);
  if (typeof data !== 'object' || data === null) {
    throw new MigrationError(`draft ${draft.id}: its data is ${typeof data}, not an object; nothing can be migrated`);
  }
  const root = data as Record<string, unknown>;
  const unmigrated: Record<string, unknown> = { ...copy(draft.unmigrated ?? {}) };
  const flagged = [...(draft.flagged ?? [])];

  while (current < target) {
    const step = form.migrations.find((m) => m?.from === current);
    if (!step)
      throw new MigrationError(
        `form ${draft.form}: no migration from version ${current} (the draft ${draft.id} needs one to reach ${target})`,
      );
    if (!isVersion(step.to) || step.to <= step.from || step.to > target) {
      throw new MigrationError(
        `form ${draft.form}: the migration from version ${step.from} goes to ${JSON.stringify(step.to)}, not to a version after it up to ${target}`,
      );
    }
    const keep = (pointer: string, value: unknown) => {
      const key = pointer in unmigrated ? `${pointer}@${step.from}` : pointer;
      unmigrated[key] = value;
      const path = dottedPath(pointer);
      if (!flagged.includes(path)) flagged.push(path);
    };
    step.ops.forEach((op, j) => {
      try {
        applyOp(root, op, keep);
      } catch (error) {
        throw new MigrationError(
          `form ${draft.form}, migration ${step.from}→${step.to}, op ${j} (${JSON.stringify(op)}): ${error instanceof Error ? error.message : String(error)}`,
          error,
        );
      }
    });
    current = step.to;
  }

  const result: Draft = { ...draft, data: root, formVersion: String(target) };
  delete result.flagged;
  delete result.unmigrated;
  if (flagged.length) result.flagged = flagged;
  if (Object.keys(unmigrated).length) result.unmigrated = unmigrated;
  return result;
}

function applyOp(
  root: Record<string, unknown>,
  op: DraftMigrationOp,
  keep: (pointer: string, value: unknown) => void,
): void {
  switch (op?.op) {
    case 'move': {
      parsePointer(op.from);
      parsePointer(op.to);
      const value = getAt(root, op.from);
      if (value === undefined) return;
      const there = getAt(root, op.to);
      removeAt(root, op.from);
      if (there !== undefined && !sameJson(there, value)) return keep(op.from, value);
      if (!setAt(root, op.to, value)) keep(op.from, value);
      return;
    }
    case 'remove': {
      const value = getAt(root, op.path);
      if (value === undefined) return;
      removeAt(root, op.path);
      keep(op.path, value);
      return;
    }
    case 'set': {
      const there = getAt(root, op.path);
      if (there !== undefined && (op.ifMissing || sameJson(there, op.value))) return;
      if (!setAt(root, op.path, copy(op.value)))
        throw new Error(`cannot write ${op.path}: a value on the way is not an object`);
      if (there !== undefined) keep(op.path, there);
      return;
    }
    default:
      throw new Error(`unknown op ${JSON.stringify((op as { op?: unknown })?.op)} (expected move, remove or set)`);
  }
}
