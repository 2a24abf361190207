/** Shared test helpers: unique database names, records, and catching a rejection. */
import { deleteDB } from 'idb';
import type { CaseRecord, Draft } from '../types.js';

const opened: string[] = [];

/** A database name no other test uses; `cleanUp()` deletes every one handed out. */
export function uniqueName(label: string): string {
  const name = `test-${label}-${crypto.randomUUID()}`;
  opened.push(name);
  return name;
}

/** Deletes the test databases (connections must be closed by then, or this waits). */
export async function cleanUp(): Promise<void> {
  await Promise.all(opened.splice(0).map((name) => deleteDB(name)));
}

export function makeCase(id: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    procedure: 'voluntary-rehab',
    procedureVersion: '1',
    state: 'registered',
    status: 'active',
    person: { fullName: 'Nguyễn Văn An', personalId: '001203004567', communeCode: '00001' },
    deadlines: [{ id: 'review', dueAt: '2026-12-01T00:00:00.000Z' }],
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    rev: 0,
    ...overrides,
  };
}

export function makeDraft(
  id: string,
  data: unknown = { person: { fullName: 'Trần Thị Bình' } },
  overrides: Partial<Draft> = {},
): Draft {
  return {
    id,
    caseId: id.split('/')[0],
    procedure: 'voluntary-rehab',
    form: 'voluntary-rehab/registration',
    formVersion: '1',
    step: 2,
    data,
    rev: 0,
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

/** The error `promise` rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Resolves with the first value `register`'s callback is called with, or rejects after `ms`. */
export function nextCall<T>(register: (callback: (value: T) => void) => void, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing heard within ${ms} ms`)), ms);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
