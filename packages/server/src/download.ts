/**
 * `GET /cases/{caseId}/attachments/{id}`: one stored file of a case, decrypted, as a download. The file is
 * looked up by its id in the database (never a path built from the request), must belong to the case named in
 * the path, to the caller's commune, and the caller must be one who may work on the case: a role that acted on
 * it (its audit) or may act on it now, or the person who uploaded it. A file uploaded before its case exists
 * is readable by its uploader only.
 */
import type { User } from './auth.js';
import { ApiError } from './errors.js';
import type { SubmitContext } from './submit.js';
import type { StoredFile } from './store.js';

const ID = /^[^/?#\s]{1,200}$/;

/** `filename` (ASCII, quotes and controls replaced) and `filename*` (RFC 5987, UTF-8) of a Content-Disposition. */
export function contentDisposition(name: string): string {
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]|["\\]/g, '_')
      .trim() || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Roles that may read a case's files: those in its audit and those that may act on it now. */
async function readers(ctx: SubmitContext, caseId: string, at: string): Promise<Set<string> | undefined> {
  const stored = await ctx.repo.getCase(ctx.db, caseId);
  if (!stored) return undefined;
  const roles = new Set<string>();
  for (const entry of stored.case.audit) for (const r of entry.by.roles) roles.add(r);
  if (ctx.registry.has(stored.case.procedure)) {
    const proc = await ctx.registry.procedure(stored.case.procedure);
    const view = proc.view(proc.restore(stored.case), { now: at });
    for (const e of view.allowedEvents) for (const r of e.roles) roles.add(r);
  }
  return roles;
}

export async function downloadAttachment(
  ctx: SubmitContext,
  user: User,
  caseId: string,
  id: string,
  now: string = new Date().toISOString(),
): Promise<{ file: StoredFile; headers: Record<string, string> }> {
  if (!ID.test(caseId) || !ID.test(id)) throw new ApiError('attachment-not-found');
  const file = await ctx.repo.attachmentFile(ctx.db, id);
  if (!file || file.caseId !== caseId) throw new ApiError('attachment-not-found');
  if (file.commune !== user.commune) throw new ApiError('other-commune', { detail: `file of commune ${file.commune}` });
  if (file.uploadedBy !== user.sub) {
    const allowed = await readers(ctx, caseId, now);
    if (!allowed || !user.roles.some((r) => allowed.has(r)))
      throw new ApiError('role-not-permitted', { detail: 'no role of the case' });
  }
  return {
    file,
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': contentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
      ETag: `"${file.sha256}"`,
      ...(file.item ? { 'X-Hoso-Attachment-Item': file.item } : {}),
    },
  };
}
