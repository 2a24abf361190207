/**
 * Test helpers for the outbox tests: a fresh tenant of the local contract server that
 * scripts/wtr-outbox-server-plugin.mjs starts with web-test-runner, its fault controls and what it received.
 * Not exported from the package.
 */
import type { Submission } from '../adapter.js';

export interface Fault {
  failNext?: number;
  status?: number;
  retryAfter?: number;
  code?: string;
  delayMs?: number;
  dropConnection?: boolean;
  applyFirst?: boolean;
  chaos?: { rate: number; seed: number; delayMs?: number } | null;
}

export interface Received {
  events: Array<{ seq: number; caseId: string; type: string; baseRev: number; rev: number; data?: unknown }>;
  uploads: Array<{ seq: number; id: string; caseId: string; size: number; type: string; name: string; item?: string }>;
  attempts: Record<string, number>;
  requests: number;
}

export interface TestServer {
  /** Base URL of this tenant: pass it to `createHttpAdapter`. */
  baseUrl: string;
  control(fault: Fault): Promise<void>;
  received(): Promise<Received>;
}

/** A new tenant on the test server (each test its own, so browsers running side by side do not mix). */
export async function testServer(): Promise<TestServer> {
  const answer = await fetch('/__outbox-server');
  if (!answer.ok) throw new Error('the outbox test server is not running: use web-test-runner.outbox.config.mjs');
  const { url } = (await answer.json()) as { url: string };
  const baseUrl = `${url}/t/${crypto.randomUUID()}`;
  return {
    baseUrl,
    async control(fault) {
      const r = await fetch(`${baseUrl}/__control`, { method: 'POST', body: JSON.stringify(fault) });
      if (!r.ok) throw new Error(`__control answered ${r.status}`);
    },
    async received() {
      return (await (await fetch(`${baseUrl}/__received`)).json()) as Received;
    },
  };
}

/** A valid submission for `caseId` based on revision `baseRev`, numbered `n` in `event.data`. */
export function submission(caseId: string, baseRev: number, n = baseRev, extra: Partial<Submission> = {}): Submission {
  return {
    caseId,
    procedure: 'voluntary-rehab',
    procedureVersion: '1.0.0',
    lawVersion: 'vn-2021',
    event: { type: 'SUBMIT', at: '2026-11-23T09:00:00+07:00', by: { id: 'u1', roles: ['applicant'] }, data: { n } },
    baseRev,
    ...extra,
  };
}

/** Resolves when `check` returns true (polled every 20 ms), rejects with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
