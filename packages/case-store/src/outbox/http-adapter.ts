/**
 * `createHttpAdapter`: the `BackendAdapter` contract over `fetch` (docs/adapter-contract.md).
 *
 * - `submit` → `POST {baseUrl}/cases/{caseId}/events`, JSON body, `Idempotency-Key` header.
 * - `upload` → `PUT {baseUrl}/attachments/{id}`, the file as the body, metadata in `X-Hoso-*` headers.
 * - `load` → `GET {baseUrl}/cases?commune={code}&since={cursor}`.
 *
 * Every request is aborted after `timeoutMs` (the whole exchange, body included) and then throws a transient
 * `AdapterError('timeout')`; the caller's own `signal` aborts it too and rethrows its reason unchanged.
 */
import {
  AdapterError,
  isTransientStatus,
  type AttachmentUpload,
  type BackendAdapter,
  type LoadQuery,
  type LoadResult,
  type Refusal,
  type SendOptions,
  type Submission,
  type SubmitResult,
  type UploadResult,
} from './adapter.js';
import type { CaseRecord } from '../types.js';

export interface HttpAdapterOptions {
  /** Base URL of the portal's hoso API, e.g. `https://dichvucong.example.gov.vn/api/hoso` (no trailing slash needed). */
  baseUrl: string;
  /** Extra headers for every request (authorization…), read before each request. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Time allowed for one request and its answer, in ms. Default 15000. */
  timeoutMs?: number;
  /** Cookies with cross-origin requests: `include` when the portal's API authenticates by cookie. Default `same-origin`. */
  credentials?: RequestCredentials;
  /** `fetch` to use; default the global one. */
  fetch?: typeof fetch;
}

type Json = Record<string, unknown>;

/** Milliseconds from a `Retry-After` value (delta-seconds or an HTTP date), if it is one. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusalFrom(status: number, body: unknown): Refusal {
  const refusal: Refusal = { ok: false, code: `http-${status}`, status };
  if (!isObject(body)) return refusal;
  if (typeof body.code === 'string' && body.code !== '') refusal.code = body.code;
  const message = body.message;
  if (isObject(message) && typeof message.vi === 'string' && typeof message.en === 'string') {
    refusal.message = { vi: message.vi, en: message.en };
  }
  if (typeof body.pointer === 'string') refusal.pointer = body.pointer;
  if (typeof body.rev === 'number') refusal.rev = body.rev;
  if (isObject(body.case) && typeof body.case.id === 'string') refusal.case = body.case as unknown as CaseRecord;
  return refusal;
}

/** Creates the adapter. Throws a `TypeError` when `baseUrl` is not an absolute http(s) URL. */
export function createHttpAdapter(options: HttpAdapterOptions): BackendAdapter {
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  } catch {
    throw new TypeError(`createHttpAdapter: baseUrl ${JSON.stringify(options.baseUrl)} is not an absolute URL`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError(`createHttpAdapter: baseUrl must be http(s), got ${JSON.stringify(options.baseUrl)}`);
  }
  const timeoutMs = options.timeoutMs ?? 15000;
  const credentials = options.credentials ?? 'same-origin';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const url = (path: string) => new URL(path, base);

  /** One request with its timeout; returns the status, headers and parsed JSON body (undefined if none). */
  async function exchange(
    target: URL,
    init: RequestInit,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; headers: Headers; body: unknown }> {
    signal?.throwIfAborted();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const extra = options.headers ? await options.headers() : undefined;
    const headers = new Headers(extra);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    headers.set('Accept', 'application/json');
    try {
      const response = await doFetch(target, { ...init, headers, signal: controller.signal, credentials });
      const text = await response.text();
      let body: unknown;
      if (text !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
      }
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) {
        throw new AdapterError('transient', 'timeout', `${init.method} ${target.pathname}: ${timeoutMs} ms timeout`, {
          cause: error,
        });
      }
      throw new AdapterError('transient', 'network', `${init.method} ${target.pathname}: network error`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Throws for transient statuses; returns a refusal for other non-2xx answers; undefined for 2xx. */
  function check(method: string, target: URL, status: number, headers: Headers, body: unknown): Refusal | undefined {
    if (status >= 200 && status < 300) return undefined;
    if (isTransientStatus(status)) {
      const retryAfterMs = parseRetryAfter(headers.get('Retry-After'));
      throw new AdapterError('transient', `http-${status}`, `${method} ${target.pathname}: HTTP ${status}`, {
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    return refusalFrom(status, body);
  }

  function invalid(method: string, target: URL, status: number, what: string): AdapterError {
    return new AdapterError('permanent', 'invalid-response', `${method} ${target.pathname}: HTTP ${status}, ${what}`, {
      status,
    });
  }

  return {
    async submit(submission: Submission, { idempotencyKey, signal }: SendOptions): Promise<SubmitResult> {
      const target = url(`cases/${encodeURIComponent(submission.caseId)}/events`);
      const init: RequestInit = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(submission),
      };
      const { status, headers, body } = await exchange(target, init, signal);
      const refusal = check('POST', target, status, headers, body);
      if (refusal) return refusal;
      if (!isObject(body) || body.ok !== true || typeof body.rev !== 'number') {
        throw invalid('POST', target, status, 'body is not { "ok": true, "rev": <number> }');
      }
      return isObject(body.case)
        ? { ok: true, rev: body.rev, case: body.case as CaseRecord }
        : { ok: true, rev: body.rev };
    },

    async upload(attachment: AttachmentUpload, { idempotencyKey, signal }: SendOptions): Promise<UploadResult> {
      const target = url(`attachments/${encodeURIComponent(attachment.id)}`);
      const headers: Record<string, string> = {
        'Content-Type': attachment.type || 'application/octet-stream',
        'Idempotency-Key': idempotencyKey,
        'X-Hoso-Case-Id': attachment.caseId,
        'X-Hoso-File-Name': encodeURIComponent(attachment.name),
      };
      if (attachment.item !== undefined) headers['X-Hoso-Attachment-Item'] = attachment.item;
      const {
        status,
        headers: answer,
        body,
      } = await exchange(target, { method: 'PUT', headers, body: attachment.blob }, signal);
      const refusal = check('PUT', target, status, answer, body);
      if (refusal) return refusal;
      if (!isObject(body) || body.ok !== true || typeof body.size !== 'number') {
        throw invalid('PUT', target, status, 'body is not { "ok": true, "id", "size" }');
      }
      return { ok: true, id: typeof body.id === 'string' ? body.id : attachment.id, size: body.size };
    },

    async load(query: LoadQuery, options: { signal?: AbortSignal } = {}): Promise<LoadResult> {
      const target = url('cases');
      target.searchParams.set('commune', query.communeCode);
      if (query.since !== undefined) target.searchParams.set('since', query.since);
      const { status, headers, body } = await exchange(target, { method: 'GET' }, options.signal);
      const refusal = check('GET', target, status, headers, body);
      if (refusal) {
        throw new AdapterError('permanent', refusal.code, `GET ${target.pathname}: HTTP ${status} ${refusal.code}`, {
          status,
        });
      }
      if (!isObject(body) || !Array.isArray(body.cases) || typeof body.cursor !== 'string') {
        throw invalid('GET', target, status, 'body is not { "cases": [...], "cursor": "..." }');
      }
      return { cases: body.cases as CaseRecord[], cursor: body.cursor };
    },
  };
}
