/**
 * A hash-chained audit trail. Each accepted event appends
 * `{ at, by, event, from, to, dataHash, prevHash, hash }`, where `hash` is SHA-256 (Web Crypto)
 * over the canonical JSON of the other fields and the first `prevHash` is the case's genesis hash
 * (id, procedure and its version, pinned law version, start).
 * Editing, removing or reordering any entry breaks the chain at that entry.
 */
import { schemaKey } from '../conditions/schema-key.js';

export interface AuditEntry {
  at: string;
  by: { id: string; roles: string[] };
  event: string;
  from: string;
  to: string;
  dataHash: string;
  prevHash: string;
  hash: string;
}

export async function sha256(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto (globalThis.crypto.subtle) is not available in this environment');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Canonical JSON: object keys sorted at every depth. */
export const canonical = (value: unknown): string => schemaKey(value ?? null);

/** What a case is bound to from its start: changing its pinned law or procedure version breaks the chain. */
export interface CaseHead {
  id: string;
  procedure: string;
  procedureVersion: string;
  lawVersion: string;
  createdAt: string;
}

export function genesisHash(c: CaseHead): Promise<string> {
  const { id, procedure, procedureVersion, lawVersion, createdAt } = c;
  return sha256(canonical({ id, procedure, procedureVersion, lawVersion, createdAt }));
}

export async function makeEntry(
  prevHash: string,
  e: { at: string; by: { id: string; roles: string[] }; event: string; from: string; to: string; data: unknown },
): Promise<AuditEntry> {
  const body = {
    at: e.at,
    by: { id: e.by.id, roles: [...e.by.roles] },
    event: e.event,
    from: e.from,
    to: e.to,
    dataHash: await sha256(canonical(e.data)),
    prevHash,
  };
  return { ...body, hash: await sha256(canonical(body)) };
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; index: number; reason: string };

/** Checks the whole chain; reports the first broken link. Pass `data` (per entry) to check data hashes too. */
export async function verifyAudit(
  c: CaseHead & { audit: readonly AuditEntry[] },
  data?: readonly unknown[],
): Promise<AuditVerdict> {
  let prev = await genesisHash(c);
  for (let i = 0; i < c.audit.length; i++) {
    const e = c.audit[i] as AuditEntry;
    if (e.prevHash !== prev)
      return { ok: false, index: i, reason: `entry ${i}: prevHash does not match entry ${i - 1}` };
    const { hash, ...body } = e;
    if ((await sha256(canonical(body))) !== hash) {
      return { ok: false, index: i, reason: `entry ${i}: content does not match its hash (edited)` };
    }
    if (data && i < data.length && (await sha256(canonical(data[i]))) !== e.dataHash) {
      return { ok: false, index: i, reason: `entry ${i}: event data does not match dataHash` };
    }
    prev = hash;
  }
  return { ok: true, entries: c.audit.length };
}
