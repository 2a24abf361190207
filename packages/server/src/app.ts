/**
 * The HTTP routes (Hono) of the adapter contract, plus `/openapi.json` and `/health`. Every error is a JSON
 * refusal; nothing personal is logged (one line per request: method, route, status, time, user id).
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { AuthError, verifyToken, type User } from './auth.js';
import { ApiError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { submitEvent, type Answer, type SubmitContext } from './submit.js';
import { readLimited, uploadAttachment, type UploadLimits } from './upload.js';

export interface AppOptions extends SubmitContext {
  jwtSecret: string;
  upload: UploadLimits;
  maxJsonBytes: number;
  corsOrigin: string;
  version: string;
  log: (line: string) => void;
}

type Env = { Variables: { user: User } };

const send = (c: Context, a: Answer): Response =>
  new Response(a.body, {
    status: a.status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...(a.replayed ? { 'Idempotency-Replayed': 'true' } : {}),
    },
  });

export function createApp(o: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  app.use(
    '*',
    cors({
      origin: o.corsOrigin,
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'X-Hoso-Case-Id',
        'X-Hoso-File-Name',
        'X-Hoso-Attachment-Item',
      ],
      allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
      exposeHeaders: ['Retry-After', 'Idempotency-Replayed'],
    }),
  );
  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    const who = c.get('user')?.sub ?? '-';
    o.log(`${c.req.method} ${c.req.routePath} ${c.res.status} ${(performance.now() - t0).toFixed(1)}ms user=${who}`);
  });

  app.onError((e, c) => {
    if (e instanceof ApiError) {
      return c.json(e.body, e.status as 400);
    }
    if (e instanceof AuthError) return c.json(new ApiError(e.code, { detail: e.message }).body, 401);
    // The message of an unexpected error may quote data; log only its kind and where it was thrown.
    o.log(`error ${e.name} ${(e.stack ?? '').split('\n')[1]?.trim() ?? ''}`);
    return c.json(new ApiError('internal').body, 500);
  });
  app.notFound((c) => c.json(new ApiError('not-found').body, 404));

  app.get('/health', async (c) => {
    try {
      await o.db.query('SELECT 1');
      return c.json({ ok: true, database: o.db.kind, version: o.version, procedures: o.registry.ids });
    } catch {
      return c.json({ ok: false, database: o.db.kind }, 503);
    }
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(o.version)));

  const auth = createMiddleware<Env>(async (c, next) => {
    c.set('user', await verifyToken(c.req.header('Authorization'), o.jwtSecret));
    await next();
  });

  app.post('/cases/:caseId/events', auth, async (c) => {
    const bytes = await readLimited(c.req.raw.body, o.maxJsonBytes);
    const text = new TextDecoder('utf-8').decode(bytes);
    return send(c, await submitEvent(o, c.get('user'), c.req.param('caseId'), c.req.header('Idempotency-Key'), text));
  });

  app.put('/attachments/:id', auth, async (c) =>
    send(
      c,
      await uploadAttachment(
        o,
        c.get('user'),
        {
          id: c.req.param('id'),
          key: c.req.header('Idempotency-Key'),
          caseId: c.req.header('X-Hoso-Case-Id'),
          type: c.req.header('Content-Type') ?? 'application/octet-stream',
          fileName: c.req.header('X-Hoso-File-Name'),
          item: c.req.header('X-Hoso-Attachment-Item'),
          length: c.req.header('Content-Length'),
          body: c.req.raw.body,
        },
        o.upload,
      ),
    ),
  );

  app.get('/cases', auth, async (c) => {
    const user = c.get('user');
    const commune = c.req.query('commune');
    const since = c.req.query('since');
    const limitText = c.req.query('limit');
    if (!commune) throw new ApiError('invalid-query', { detail: 'commune is required' });
    if (since !== undefined && !/^\d{1,18}$/.test(since)) throw new ApiError('invalid-query', { detail: 'since' });
    const limit = limitText === undefined ? 500 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new ApiError('invalid-query', { detail: 'limit' });
    if (commune !== user.commune) throw new ApiError('other-commune', { detail: `commune ${commune}` });
    const page = await o.repo.changedSince(o.db, commune, since, limit);
    return c.json(page);
  });

  return app;
}
