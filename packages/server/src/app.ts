/**
 * The HTTP routes (Hono) of the adapter contract, the attachment download, `/openapi.json` and `/health`.
 * Every error is a JSON refusal; nothing personal is logged (one line per request: method, route, status,
 * time, user id). Optional route modules (`mounts`, e.g. the reports endpoint of reports.ts) are mounted after
 * the built-in routes with the same token check (see `RouteMount`).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { AuthError, verifyToken, type User } from './auth.js';
import { ApiError } from './errors.js';
import { downloadAttachment } from './download.js';
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
  /** Optional routes (reports, …), mounted after the built-in ones. */
  mounts?: RouteMount[];
  /** Extra OpenAPI paths of those routes, merged into `/openapi.json`. */
  openApiPaths?: Record<string, unknown>;
}

/** The Hono environment of the app: `c.get('user')` is the verified token's user behind `auth`. */
export type AppEnv = { Variables: { user: User } };
type Env = AppEnv;

/** What an optional route module gets: the app, the token check, and the server's context. */
export interface MountDeps extends SubmitContext {
  auth: MiddlewareHandler<AppEnv>;
  log: (line: string) => void;
}

/** An optional route module's entry: adds its routes to `app` (protect them with `deps.auth`). */
export type RouteMount = (app: Hono<AppEnv>, deps: MountDeps) => void;

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
      exposeHeaders: ['Retry-After', 'Idempotency-Replayed', 'Content-Disposition'],
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
  app.get('/openapi.json', (c) => c.json(openApiDocument(o.version, o.openApiPaths)));

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

  app.get('/cases/:caseId/attachments/:id', auth, async (c) => {
    const { file, headers } = await downloadAttachment(o, c.get('user'), c.req.param('caseId'), c.req.param('id'));
    o.log(`download attachment case=${c.req.param('caseId')} user=${c.get('user').sub}`);
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(file.bytes), { status: 200, headers });
  });

  for (const mount of o.mounts ?? []) mount(app, { db: o.db, repo: o.repo, registry: o.registry, auth, log: o.log });

  return app;
}
