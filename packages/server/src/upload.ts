/**
 * `PUT /attachments/{id}`: one file, its bytes as the body. The size limit is enforced while reading (a
 * `Content-Length` over it is refused before reading anything); the type must be one the portal accepts.
 * Stored encrypted with its (percent-decoded) file name; idempotent per key like events.
 */
import type { User } from './auth.js';
import { ApiError } from './errors.js';
import { bodyHash, type Answer, type SubmitContext } from './submit.js';

export const DEFAULT_ACCEPTED_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/octet-stream',
];

export interface UploadLimits {
  maxBytes: number;
  types: readonly string[];
}

/** Reads a body stream up to `max` bytes; more is refused with `too-large` (and the rest is not read). */
export async function readLimited(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError('too-large', { detail: `more than ${max} bytes` });
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export interface UploadRequest {
  id: string;
  key: string | undefined;
  caseId: string | undefined;
  type: string;
  fileName: string | undefined;
  item: string | undefined;
  length: string | undefined;
  body: ReadableStream<Uint8Array> | null;
}

const ID = /^[^/?#\s]{1,200}$/;

export async function uploadAttachment(
  ctx: SubmitContext,
  user: User,
  req: UploadRequest,
  limits: UploadLimits,
): Promise<Answer> {
  if (!ID.test(req.id)) throw new ApiError('invalid-submission', { detail: 'attachment id' });
  if (!req.key) throw new ApiError('missing-idempotency-key');
  if (!req.caseId || !ID.test(req.caseId)) throw new ApiError('missing-case-id');
  const type = (req.type.split(';')[0] ?? '').trim().toLowerCase() || 'application/octet-stream';
  if (!limits.types.includes(type)) throw new ApiError('unsupported-type', { detail: type });
  if (req.length !== undefined && Number(req.length) > limits.maxBytes)
    throw new ApiError('too-large', { detail: `${req.length} bytes, at most ${limits.maxBytes}` });
  let name = 'file';
  if (req.fileName) {
    try {
      name = decodeURIComponent(req.fileName);
    } catch {
      throw new ApiError('invalid-submission', { detail: 'X-Hoso-File-Name is not percent-encoded UTF-8' });
    }
  }
  const bytes = await readLimited(req.body, limits.maxBytes);
  const sha = bodyHash(bytes);
  const hash = bodyHash(`${sha}|${req.caseId}|${type}|${name}|${req.item ?? ''}`);
  const caseId = req.caseId;
  const key = req.key;
  return ctx.db.transaction(async (tx) => {
    const stored = await ctx.repo.getCase(tx, caseId);
    if (stored && stored.commune !== user.commune) throw new ApiError('other-commune');
    const seen = await ctx.repo.recall(tx, 'upload', key);
    if (seen) {
      if (seen.bodyHash !== hash) throw new ApiError('idempotency-key-reused');
      return { status: seen.status, body: seen.response, replayed: true };
    }
    const existing = await ctx.repo.attachment(tx, req.id);
    if (existing && (existing.caseId !== caseId || existing.sha256 !== sha))
      throw new ApiError('attachment-exists', { detail: req.id });
    if (!existing)
      await ctx.repo.insertAttachment(tx, {
        id: req.id,
        caseId,
        commune: stored?.commune ?? user.commune,
        type,
        ...(req.item ? { item: req.item } : {}),
        name,
        bytes,
        sha256: sha,
        by: user.sub,
      });
    const answer = {
      status: existing ? 200 : 201,
      body: JSON.stringify({ ok: true, id: req.id, size: bytes.byteLength }),
    };
    await ctx.repo.remember(tx, 'upload', key, { bodyHash: hash, status: answer.status, response: answer.body });
    return { ...answer, replayed: false };
  });
}
