/**
 * Rows of the server's tables, read and written inside the caller's transaction. Personal data (the person,
 * the case data with its snapshot, event data, file names and contents) is sealed per column with the
 * `ColumnCipher`; what stays in clear is what queries and the audit need: ids, procedure, commune, state,
 * revision, hashes, who acted and when.
 */
import type { Case, CaseEvent } from '@hoso/workflow';
import type { ColumnCipher } from './crypto.js';
import type { Queryable } from './db/database.js';

export interface StoredCase {
  case: Case;
  commune: string;
  seq: string;
}

/**
 * A case row as read: the sealed columns base64-encoded by the database (`CASE_COLUMNS`). PGlite hands `bytea`
 * over as hex text parsed in JavaScript, several times slower than decoding base64 in Node (5–8 s against
 * 0.4–2 s for 2,000 rows); PostgreSQL gives the same bytes either way.
 */
interface CaseRow {
  id: string;
  commune: string;
  seq: string;
  person: string;
  data: string;
}

const CASE_COLUMNS =
  "id, commune, seq::text AS seq, encode(person_enc, 'base64') AS person, encode(data_enc, 'base64') AS data";

export interface StoredFile {
  id: string;
  caseId: string;
  commune: string;
  type: string;
  item?: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  name: string;
  bytes: Buffer;
}

export interface Remembered {
  bodyHash: string;
  status: number;
  response: string;
}

export class Repository {
  /** The column cipher (public for optional route modules such as reports.ts that read cases themselves). */
  constructor(readonly cipher: ColumnCipher) {}

  #decode(row: CaseRow): StoredCase {
    const rest = this.cipher.open<Omit<Case, 'person'>>(Buffer.from(row.data, 'base64'), `cases.data:${row.id}`);
    const person = this.cipher.open<Case['person']>(Buffer.from(row.person, 'base64'), `cases.person:${row.id}`);
    return { case: { ...rest, person } as Case, commune: row.commune, seq: row.seq };
  }

  /** The case, locked against other writers until the transaction ends when `lock`. */
  async getCase(q: Queryable, id: string, lock = false): Promise<StoredCase | undefined> {
    const rows = await q.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    return rows[0] ? this.#decode(rows[0]) : undefined;
  }

  /**
   * Writes the case with the next change number. The advisory lock is held until commit, so change numbers
   * become visible in order and a reader's cursor never skips a write that commits later.
   */
  async saveCase(q: Queryable, c: Case, commune: string, isNew: boolean): Promise<string> {
    await q.query('SELECT pg_advisory_xact_lock(7002)');
    const { person, ...rest } = c;
    const params = [
      c.id,
      c.procedure,
      c.procedureVersion,
      c.lawVersion,
      commune,
      c.rev,
      c.state,
      c.status,
      c.createdAt,
      c.updatedAt,
      this.cipher.seal(person, `cases.person:${c.id}`),
      this.cipher.seal(rest, `cases.data:${c.id}`),
    ];
    const sql = isNew
      ? `INSERT INTO cases (id, procedure, procedure_version, law_version, commune, rev, state, status, created_at,
           updated_at, person_enc, data_enc, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, nextval('change_seq')) RETURNING seq::text AS seq`
      : `UPDATE cases SET procedure = $2, procedure_version = $3, law_version = $4, commune = $5, rev = $6,
           state = $7, status = $8, created_at = $9, updated_at = $10, person_enc = $11, data_enc = $12,
           seq = nextval('change_seq')
         WHERE id = $1 RETURNING seq::text AS seq`;
    const rows = await q.query<{ seq: string }>(sql, params);
    return rows[0]!.seq;
  }

  /** The accepted event with its audit entry (the last one of the case). */
  async insertEvent(q: Queryable, c: Case, event: CaseEvent): Promise<void> {
    const entry = c.audit[c.audit.length - 1]!;
    await q.query(
      `INSERT INTO events (case_id, rev, type, at, by_id, by_roles, from_state, to_state, prev_hash, hash, data_enc)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11)`,
      [
        c.id,
        c.rev,
        event.type,
        event.at,
        event.by.id,
        JSON.stringify(event.by.roles),
        entry.from,
        entry.to,
        entry.prevHash,
        entry.hash,
        event.data === undefined ? null : this.cipher.seal(event.data, `events.data:${c.id}:${c.rev}`),
      ],
    );
  }

  async recall(q: Queryable, scope: 'event' | 'upload', key: string): Promise<Remembered | undefined> {
    const rows = await q.query<{
      body_hash: string;
      status: number;
      response: string | null;
      response_enc: Uint8Array | null;
    }>('SELECT body_hash, status, response, response_enc FROM idempotency_keys WHERE scope = $1 AND key = $2', [
      scope,
      key,
    ]);
    const r = rows[0];
    if (!r) return undefined;
    const response = r.response_enc
      ? this.cipher.openBytes(r.response_enc, `idempotency.${scope}:${key}`).toString('utf8')
      : (r.response ?? '');
    return { bodyHash: r.body_hash, status: r.status, response };
  }

  /** Keeps the answer under the key, encrypted (it holds the case). */
  async remember(q: Queryable, scope: 'event' | 'upload', key: string, r: Remembered): Promise<void> {
    await q.query(
      'INSERT INTO idempotency_keys (scope, key, body_hash, status, response_enc) VALUES ($1, $2, $3, $4, $5)',
      [
        scope,
        key,
        r.bodyHash,
        r.status,
        this.cipher.sealBytes(Buffer.from(r.response, 'utf8'), `idempotency.${scope}:${key}`),
      ],
    );
  }

  /** Cases of a commune changed after `since` (all without it), oldest change first, and the new cursor. */
  async changedSince(
    q: Queryable,
    commune: string,
    since: string | undefined,
    limit: number,
  ): Promise<{ cases: Case[]; cursor: string; more: boolean }> {
    // Ordered by the bigint column itself: the text alias `seq` would sort "10" before "9".
    const rows = await q.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases
       WHERE commune = $1 AND cases.seq > $2::bigint ORDER BY cases.seq LIMIT $3`,
      [commune, since ?? '0', limit + 1],
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit).map((r) => this.#decode(r));
    return { cases: page.map((s) => s.case), cursor: page[page.length - 1]?.seq ?? since ?? '0', more };
  }

  async attachment(
    q: Queryable,
    id: string,
  ): Promise<{ caseId: string; commune: string; sha256: string; size: number } | undefined> {
    const rows = await q.query<{ case_id: string; commune: string; sha256: string; size: number }>(
      'SELECT case_id, commune, sha256, size FROM attachments WHERE id = $1',
      [id],
    );
    const r = rows[0];
    return r ? { caseId: r.case_id, commune: r.commune, sha256: r.sha256, size: r.size } : undefined;
  }

  /** One stored file with its decrypted name and bytes (for the download endpoint). */
  async attachmentFile(q: Queryable, id: string): Promise<StoredFile | undefined> {
    const rows = await q.query<{
      case_id: string;
      commune: string;
      content_type: string;
      item: string | null;
      size: number;
      sha256: string;
      uploaded_by: string;
      file_name_enc: Uint8Array;
      content_enc: Uint8Array;
    }>(
      `SELECT case_id, commune, content_type, item, size, sha256, uploaded_by, file_name_enc, content_enc
       FROM attachments WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id,
      caseId: r.case_id,
      commune: r.commune,
      type: r.content_type,
      ...(r.item ? { item: r.item } : {}),
      size: r.size,
      sha256: r.sha256,
      uploadedBy: r.uploaded_by,
      name: this.cipher.open<string>(r.file_name_enc, `attachments.name:${id}`),
      bytes: this.cipher.openBytes(r.content_enc, `attachments.content:${id}`),
    };
  }

  /**
   * Deletes the answers kept under Idempotency-Keys older than `maxAgeSeconds`; returns how many. A device that
   * retries a purged key is judged afresh: its `baseRev` is then stale, so it gets 409, never a second effect.
   */
  async purgeIdempotencyKeys(q: Queryable, maxAgeSeconds: number): Promise<number> {
    const rows = await q.query<{ n: number }>(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(secs => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [maxAgeSeconds],
    );
    return rows[0]?.n ?? 0;
  }

  async insertAttachment(
    q: Queryable,
    a: {
      id: string;
      caseId: string;
      commune: string;
      type: string;
      item?: string;
      name: string;
      bytes: Uint8Array;
      sha256: string;
      by: string;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO attachments (id, case_id, commune, content_type, item, size, sha256, file_name_enc, content_enc, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        a.id,
        a.caseId,
        a.commune,
        a.type,
        a.item ?? null,
        a.bytes.byteLength,
        a.sha256,
        this.cipher.seal(a.name, `attachments.name:${a.id}`),
        this.cipher.sealBytes(a.bytes, `attachments.content:${a.id}`),
        a.by,
      ],
    );
  }

  /** The stored audit rows of a case, oldest first (for checks and tools). */
  async events(
    q: Queryable,
    caseId: string,
  ): Promise<Array<{ rev: number; type: string; byId: string; hash: string; prevHash: string }>> {
    const rows = await q.query<{ rev: number; type: string; by_id: string; hash: string; prev_hash: string }>(
      'SELECT rev, type, by_id, hash, prev_hash FROM events WHERE case_id = $1 ORDER BY rev',
      [caseId],
    );
    return rows.map((r) => ({ rev: r.rev, type: r.type, byId: r.by_id, hash: r.hash, prevHash: r.prev_hash }));
  }
}
