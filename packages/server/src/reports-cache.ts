/**
 * The cases a report reads, kept between requests and brought up to date by change number: each request reads
 * only the rows written since the last one (`seq > last`), so a province's year report does not decrypt every
 * case again. Exact because change numbers become visible in order (`Repository.saveCase` holds an advisory
 * lock until commit) and the server never deletes a case. Each case is kept as the engine reads it
 * (`ReportCase`: no deadlines, snapshot or audit hashes), which also bounds the memory.
 *
 * The rows are read in one REPEATABLE READ transaction, by pages, with the sealed columns base64-encoded
 * (PGlite hands `bytea` over as hex text parsed in JavaScript, about ten times slower) and decrypted with the
 * store's cipher and per-row contexts, exactly as `Repository` decodes them.
 */
import type { ReportCase } from '@hoso/reports';
import type { Database, Queryable } from './db/database.js';
import type { Repository } from './store.js';

/** Rows read per query (each page decrypted before the next is read). */
const PAGE = 2000;

interface EncodedRow {
  id: string;
  seq: string;
  person: string;
  data: string;
}

/** A stored case as decrypted (the case JSON of @hoso/workflow). */
export type Stored = Record<string, unknown> & { person: ReportCase['person'] };

/** The fields of a stored case that `computeReport` reads (types.ts of @hoso/reports), and nothing else. */
export function reportView(c: Stored): ReportCase {
  const audit = Array.isArray(c['audit']) ? (c['audit'] as Array<Record<string, unknown>>) : [];
  const view: Record<string, unknown> = {
    id: c['id'],
    procedure: c['procedure'],
    state: c['state'],
    status: c['status'],
    person: c.person,
    data: c['data'] ?? {},
    audit: audit.map((e) => ({
      at: e['at'],
      event: e['event'],
      from: e['from'],
      to: e['to'],
      ...(e['by'] === undefined ? {} : { by: e['by'] }),
    })),
    createdAt: c['createdAt'],
    updatedAt: c['updatedAt'],
  };
  for (const k of ['procedureVersion', 'lawVersion', 'track', 'province', 'documents'])
    if (c[k] !== undefined) view[k] = c[k];
  return view as unknown as ReportCase;
}

/** The cases written after change number `after`, decrypted, oldest change first, with their change numbers. */
export async function readChangedCases(
  tx: Queryable,
  repo: Repository,
  after = '0',
  pageSize = PAGE,
): Promise<Array<{ seq: string; case: Stored }>> {
  const out: Array<{ seq: string; case: Stored }> = [];
  for (let from = after; ;) {
    const rows = await tx.query<EncodedRow>(
      `SELECT id, seq::text AS seq, encode(person_enc, 'base64') AS person, encode(data_enc, 'base64') AS data
       FROM cases WHERE cases.seq > $1::bigint ORDER BY cases.seq LIMIT $2`,
      [from, pageSize],
    );
    for (const r of rows) {
      const rest = repo.cipher.open<Record<string, unknown>>(Buffer.from(r.data, 'base64'), `cases.data:${r.id}`);
      const person = repo.cipher.open<Stored['person']>(Buffer.from(r.person, 'base64'), `cases.person:${r.id}`);
      out.push({ seq: r.seq, case: { ...rest, person } });
    }
    if (rows.length < pageSize) return out;
    from = rows[rows.length - 1]!.seq;
  }
}

/** Every stored case as the engine reads it, kept up to date by change number (one cache per server). */
export class ReportCaseCache {
  readonly #cases = new Map<string, { seq: bigint; view: ReportCase }>();
  #last = '0';
  #refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly repo: Repository,
    private readonly pageSize = PAGE,
  ) {}

  /** The cases, oldest change first, after reading what changed since the last call (one refresh at a time). */
  async cases(): Promise<ReportCase[]> {
    const run = this.#refreshing.then(() => this.#refresh());
    this.#refreshing = run.catch(() => undefined);
    await run;
    return [...this.#cases.values()].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0)).map((x) => x.view);
  }

  /** How many rows the last refresh read (0 when nothing changed): for tests and the bench. */
  lastRead = 0;

  async #refresh(): Promise<void> {
    const changed = await this.db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return readChangedCases(tx, this.repo, this.#last, this.pageSize);
    });
    for (const { seq, case: c } of changed) this.#cases.set(String(c['id']), { seq: BigInt(seq), view: reportView(c) });
    if (changed.length) this.#last = changed[changed.length - 1]!.seq;
    this.lastRead = changed.length;
  }
}
