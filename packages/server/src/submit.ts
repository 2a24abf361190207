/**
 * `POST /cases/{caseId}/events`: one event of one case, re-run on the server. The body is checked against
 * the contract, the event's data against its form's precompiled validator (the form the machine names for
 * this event in the case's current state), and the event applied with the same `@hoso/workflow` runtime as
 * the browser, as the user the token names. The stored audit chain is verified before anything is written;
 * the case, its audit row and the answer kept under the Idempotency-Key are committed in one transaction.
 * A refusal writes nothing.
 */
import { createHash } from 'node:crypto';
import { verifyAudit, type Case, type CaseEvent } from '@hoso/workflow';
import type { User } from './auth.js';
import { checkSubmission } from './contract.js';
import { isUniqueViolation, type Database, type Queryable } from './db/database.js';
import { ApiError, parseJsonBody } from './errors.js';
import { firstErrorPointer, type ProcedureRegistry } from './procedures.js';
import type { Repository } from './store.js';

export interface Answer {
  status: number;
  body: string;
  replayed: boolean;
}

export interface SubmitContext {
  db: Database;
  repo: Repository;
  registry: ProcedureRegistry;
}

export const bodyHash = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function submitEvent(
  ctx: SubmitContext,
  user: User,
  caseId: string,
  key: string | undefined,
  text: string,
): Promise<Answer> {
  const sub = checkSubmission(parseJsonBody(text));
  if (!key) throw new ApiError('missing-idempotency-key');
  if (sub.caseId !== caseId)
    throw new ApiError('case-id-mismatch', { pointer: '/caseId', detail: `path ${caseId}, body ${sub.caseId}` });
  if (!ctx.registry.has(sub.procedure))
    throw new ApiError('unknown-procedure', { pointer: '/procedure', detail: `"${sub.procedure}"` });
  const proc = await ctx.registry.procedure(sub.procedure);
  const hash = bodyHash(text);
  // The server acts as the user the token names, whatever the device wrote in `event.by`.
  const event: CaseEvent = {
    type: sub.event.type,
    at: sub.event.at,
    by: { id: user.sub, roles: [...user.roles] },
    ...(sub.event.data === undefined ? {} : { data: sub.event.data }),
  };

  const apply = async (tx: Queryable): Promise<Answer> => {
    const stored = await ctx.repo.getCase(tx, caseId, true);
    if (stored && stored.commune !== user.commune)
      throw new ApiError('other-commune', { detail: `case of commune ${stored.commune}` });
    const seen = await ctx.repo.recall(tx, 'event', key);
    if (seen) {
      if (seen.bodyHash !== hash) throw new ApiError('idempotency-key-reused');
      return { status: seen.status, body: seen.response, replayed: true };
    }
    let base: Case;
    let commune: string;
    if (stored) {
      base = proc.restore(stored.case);
      commune = stored.commune;
      if (base.procedure !== sub.procedure)
        throw new ApiError('unknown-procedure', {
          pointer: '/procedure',
          detail: `the case is a "${base.procedure}" case`,
        });
      const verdict = await verifyAudit(base);
      if (!verdict.ok) throw new ApiError('audit-broken', { detail: `entry ${verdict.index}: ${verdict.reason}` });
      if (base.rev !== sub.baseRev)
        throw new ApiError('revision-conflict', { rev: base.rev, case: base, detail: `server rev ${base.rev}` });
    } else {
      if (sub.baseRev !== 0) throw new ApiError('case-not-found', { detail: `baseRev ${sub.baseRev}` });
      if (sub.procedureVersion !== proc.definition.version)
        throw new ApiError('procedure-version-mismatch', {
          pointer: '/procedureVersion',
          detail: `device ${sub.procedureVersion}, server ${proc.definition.version}`,
        });
      const person = { ...(sub.case?.person ?? {}) };
      commune =
        typeof person['communeCode'] === 'string' && person['communeCode'] ? person['communeCode'] : user.commune;
      if (commune !== user.commune)
        throw new ApiError('other-commune', { pointer: '/case/person/communeCode', detail: `commune ${commune}` });
      person['communeCode'] = commune;
      base = proc.createCase({
        id: caseId,
        person,
        at: event.at,
        ...(typeof sub.case?.province === 'string' ? { province: sub.case.province } : {}),
      });
      if (base.lawVersion !== sub.lawVersion)
        throw new ApiError('law-version-mismatch', {
          pointer: '/lawVersion',
          detail: `device ${sub.lawVersion}, server ${base.lawVersion}`,
        });
    }
    const formId = ctx.registry.formOf(proc, base, event);
    if (formId) {
      const form = await ctx.registry.form(formId);
      if (!form.validate(event.data)) {
        const { pointer, detail } = firstErrorPointer(form.validate, '/event/data');
        throw new ApiError('invalid-submission', { pointer, detail: `${formId}: ${detail}` });
      }
    }
    const r = await proc.apply(base, event);
    if (!r.ok)
      throw new ApiError(r.refusal.code, {
        message: r.refusal.message,
        status: r.refusal.code === 'role-not-permitted' ? 403 : 422,
        ...(r.refusal.detail ? { detail: r.refusal.detail } : {}),
      });
    const after = await verifyAudit(r.case);
    if (!after.ok) throw new ApiError('audit-broken', { detail: `after apply, entry ${after.index}: ${after.reason}` });
    await ctx.repo.saveCase(tx, r.case, commune, !stored);
    await ctx.repo.insertEvent(tx, r.case, event);
    const answer = { status: stored ? 200 : 201, body: JSON.stringify({ ok: true, rev: r.case.rev, case: r.case }) };
    await ctx.repo.remember(tx, 'event', key, { bodyHash: hash, ...answer, response: answer.body });
    return { ...answer, replayed: false };
  };

  // Two first events of one case (or two attempts under one key) racing: the loser hits a unique key,
  // and a fresh attempt sees the winner's row (a replay, or a revision conflict).
  for (let i = 0; ; i++) {
    try {
      return await ctx.db.transaction(apply);
    } catch (e) {
      if (!isUniqueViolation(e) || i >= 4) throw e;
    }
  }
}
