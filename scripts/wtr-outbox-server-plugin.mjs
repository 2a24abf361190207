// A real HTTP backend for the outbox tests: a web-test-runner plugin whose serverStart starts a Node `http` server
// on a free port implementing the adapter contract (docs/adapter-contract.md) minimally, with faults on demand.
//
// Tests ask the dev server for its address: GET /__outbox-server → { "url": "http://127.0.0.1:<port>" }.
// Each test works in its own tenant, `<url>/t/<tenant>` (Chromium and Firefox run side by side on one server):
//   <base>/cases/{caseId}/events   POST  the contract (validated against contract.schema.json)
//   <base>/attachments/{id}        PUT   the contract
//   <base>/cases?commune=&since=   GET   the contract
//   <base>/__control               POST  { failNext: n, status?, retryAfter?, code?, delayMs?, dropConnection?,
//                                          applyFirst?, chaos?: { rate, seed, delayMs }, reset? }
//   <base>/__received              GET   { events, uploads, attempts: { key: n }, requests }
// A fault applies to the next n contract requests. `status`: answer it without applying. `dropConnection`: close the
// socket without an answer. `delayMs`: wait before handling. `applyFirst`: apply, then drop or delay the answer.
// `chaos`: from then on each request fails at random (seeded): 503, drop, drop after applying, slow answer after
// applying, or 429 with Retry-After: 0.
// Applied results are stored by Idempotency-Key: a repeated key gets the first answer again and applies nothing.
// Every answer says `Connection: close`, so no browser silently re-sends a request on a reused socket.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import AjvModule from 'ajv';

const Ajv = AjvModule.default ?? AjvModule;
const contract = JSON.parse(
  readFileSync(new URL('../packages/case-store/src/outbox/contract.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ allErrors: false, strict: false });
ajv.addSchema(contract);
const definition = (name) => ajv.compile({ $ref: `${contract.$id}#/definitions/${name}` });
const validateSubmission = definition('submission');
// This server checks its own answers against the contract too: a wrong one is a bug here, answered as 500.
const answerSchemas = {
  event: definition('submitAccepted'),
  upload: definition('uploadAccepted'),
  load: definition('loadAnswer'),
  refusal: definition('refusal'),
};
function checkAnswer(route, answer) {
  const validate = answer.status < 300 ? answerSchemas[route] : answerSchemas.refusal;
  if (validate(answer.body)) return answer;
  return { status: 500, body: { error: `answer breaks the contract: ${ajv.errorsText(validate.errors)}` } };
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers':
    'Content-Type, Accept, Authorization, Idempotency-Key, X-Hoso-Case-Id, X-Hoso-File-Name, X-Hoso-Attachment-Item',
  'Access-Control-Expose-Headers': 'Retry-After, Idempotency-Replayed',
  'Access-Control-Max-Age': '600',
  Connection: 'close',
};

const tenants = new Map();
function tenant(id) {
  if (!tenants.has(id)) {
    tenants.set(id, {
      seq: 0,
      events: [],
      uploads: [],
      attempts: {},
      requests: 0,
      answers: new Map(), // key → { hash, status, body }
      cases: new Map(), // caseId → { rev, case, seq }
      faults: [],
      chaos: undefined,
    });
  }
  return tenants.get(id);
}

// mulberry32: small seeded generator, so a failing chaos run can be replayed from its seed.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chaosFault(chaos) {
  if (chaos.random() >= chaos.rate) return undefined;
  const kinds = [
    { status: 503 },
    { dropConnection: true },
    { dropConnection: true, applyFirst: true },
    { delayMs: chaos.delayMs, applyFirst: true },
    { status: 429, retryAfter: 0 },
  ];
  return kinds[Math.floor(chaos.random() * kinds.length)];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res, status, body, extra = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8', ...extra });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const refusal = (code, en, vi, extra = {}) => ({ ok: false, code, message: { vi, en }, ...extra });

// The contract's effect for one request; returns { status, body } (stored under the key when 2xx).
function handleEvent(t, caseId, raw) {
  let body;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return { status: 400, body: refusal('invalid-json', 'The body is not JSON.', 'Nội dung gửi không phải JSON.') };
  }
  if (!validateSubmission(body)) {
    const e = validateSubmission.errors[0];
    return {
      status: 400,
      body: refusal('invalid-submission', `Invalid submission: ${e.message}`, 'Hồ sơ gửi không hợp lệ.', {
        pointer: e.instancePath,
      }),
    };
  }
  if (body.caseId !== caseId) {
    return {
      status: 400,
      body: refusal('case-id-mismatch', 'caseId differs from the URL.', 'Mã hồ sơ khác với địa chỉ gửi.', {
        pointer: '/caseId',
      }),
    };
  }
  const current = t.cases.get(caseId)?.rev ?? 0;
  if (body.baseRev !== current) {
    return {
      status: 409,
      body: refusal(
        'revision-conflict',
        `The case is at revision ${current}, not ${body.baseRev}.`,
        'Hồ sơ đã được thay đổi ở nơi khác.',
        { rev: current },
      ),
    };
  }
  const rev = current + 1;
  t.seq += 1;
  t.cases.set(caseId, { rev, case: body.case ? { ...body.case, rev } : t.cases.get(caseId)?.case, seq: t.seq });
  t.events.push({ seq: t.seq, caseId, type: body.event.type, baseRev: body.baseRev, rev, data: body.event.data });
  return { status: 201, body: { ok: true, rev } };
}

function handleUpload(t, id, req, raw) {
  const caseId = req.headers['x-hoso-case-id'];
  if (!caseId) {
    return { status: 400, body: refusal('missing-case-id', 'X-Hoso-Case-Id is missing.', 'Thiếu mã hồ sơ.') };
  }
  t.seq += 1;
  t.uploads.push({
    seq: t.seq,
    id,
    caseId,
    size: raw.length,
    type: req.headers['content-type'],
    name: decodeURIComponent(req.headers['x-hoso-file-name'] ?? ''),
    item: req.headers['x-hoso-attachment-item'],
    sha256: createHash('sha256').update(raw).digest('hex'),
  });
  return { status: 201, body: { ok: true, id, size: raw.length } };
}

// Runs `effect` once per Idempotency-Key: a repeated key gets the stored answer. `effect` is synchronous, so two
// requests with one key cannot interleave between the look-up and the store.
function once(t, key, hash, effect) {
  const stored = t.answers.get(key);
  if (stored) {
    if (stored.hash !== hash) {
      return {
        status: 422,
        body: refusal(
          'idempotency-key-reused',
          'This key was used for another body.',
          'Khóa gửi đã dùng cho nội dung khác.',
        ),
      };
    }
    return { ...stored, replayed: true };
  }
  const answer = effect();
  if (answer.status >= 200 && answer.status < 300) t.answers.set(key, { hash, ...answer });
  return answer;
}

async function contractRequest(t, req, res, path, url) {
  t.requests += 1;
  const key = req.headers['idempotency-key'];
  if (key) t.attempts[key] = (t.attempts[key] ?? 0) + 1;
  const fault = t.faults.shift() ?? (t.chaos ? chaosFault(t.chaos) : undefined) ?? {};
  const raw = await readBody(req);
  if (fault.status && !fault.applyFirst) {
    const extra = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
    const body =
      fault.status >= 500
        ? { error: 'injected' }
        : refusal(fault.code ?? `http-${fault.status}`, 'Refused (test).', 'Bị từ chối (thử).');
    return send(res, fault.status, body, extra);
  }
  if (fault.dropConnection && !fault.applyFirst) return req.socket.destroy();
  if (fault.delayMs && !fault.applyFirst) await sleep(fault.delayMs);

  let answer;
  let route = 'refusal';
  const events = /^\/cases\/([^/]+)\/events$/.exec(path);
  const upload = /^\/attachments\/([^/]+)$/.exec(path);
  if (req.method === 'POST' && events) {
    route = 'event';
    if (!key)
      answer = {
        status: 400,
        body: refusal('missing-idempotency-key', 'Idempotency-Key is missing.', 'Thiếu khóa gửi.'),
      };
    else {
      const hash = createHash('sha256').update(raw).digest('hex');
      answer = once(t, key, hash, () => handleEvent(t, decodeURIComponent(events[1]), raw));
    }
  } else if (req.method === 'PUT' && upload) {
    route = 'upload';
    if (!key)
      answer = {
        status: 400,
        body: refusal('missing-idempotency-key', 'Idempotency-Key is missing.', 'Thiếu khóa gửi.'),
      };
    else {
      const hash = createHash('sha256').update(raw).digest('hex');
      answer = once(t, key, hash, () => handleUpload(t, decodeURIComponent(upload[1]), req, raw));
    }
  } else if (req.method === 'GET' && path === '/cases') {
    route = 'load';
    const commune = url.searchParams.get('commune');
    const since = Number(url.searchParams.get('since') ?? 0);
    if (!commune) answer = { status: 400, body: refusal('missing-commune', 'commune is missing.', 'Thiếu mã xã.') };
    else {
      const cases = [...t.cases.values()]
        .filter((c) => c.seq > since && c.case?.person?.communeCode === commune)
        .map((c) => c.case);
      answer = { status: 200, body: { cases, cursor: String(t.seq) } };
    }
  } else {
    answer = { status: 404, body: refusal('not-found', `No route ${req.method} ${path}.`, 'Không có địa chỉ này.') };
  }

  answer = { ...answer, ...checkAnswer(route, answer) };
  if (fault.applyFirst && fault.dropConnection) return req.socket.destroy();
  if (fault.applyFirst && fault.delayMs) await sleep(fault.delayMs);
  return send(res, answer.status, answer.body, answer.replayed ? { 'Idempotency-Replayed': 'true' } : {});
}

async function handle(req, res) {
  res.on('error', () => {}); // an answer to a client that went away
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'OPTIONS') return send(res, 204, undefined);
  const match = /^\/t\/([A-Za-z0-9-]+)(\/.*)$/.exec(url.pathname);
  if (!match) return send(res, 404, refusal('no-tenant', 'Use /t/<tenant>/...', 'Thiếu /t/<tenant>.'));
  const t = tenant(match[1]);
  const path = match[2];
  if (path === '/__control' && req.method === 'POST') {
    const c = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    if (c.reset) tenants.delete(match[1]);
    const fresh = tenant(match[1]);
    const { failNext = 0, chaos, reset: _reset, ...fault } = c;
    for (let i = 0; i < failNext; i++) fresh.faults.push({ ...fault });
    if (chaos) fresh.chaos = { rate: chaos.rate, delayMs: chaos.delayMs ?? 200, random: seeded(chaos.seed ?? 1) };
    if (chaos === null) fresh.chaos = undefined;
    return send(res, 200, { ok: true, queuedFaults: fresh.faults.length });
  }
  if (path === '/__received' && req.method === 'GET') {
    return send(res, 200, { events: t.events, uploads: t.uploads, attempts: t.attempts, requests: t.requests });
  }
  return contractRequest(t, req, res, path, url);
}

/** The plugin: starts the server with the dev server and answers GET /__outbox-server with its URL. */
export function outboxServerPlugin() {
  let server;
  let url;
  return {
    name: 'hoso-outbox-server',
    async serverStart() {
      server = createServer((req, res) => {
        handle(req, res).catch((error) => send(res, 500, { error: String(error?.stack ?? error) }));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${server.address().port}`;
    },
    async serverStop() {
      server?.closeAllConnections?.();
      await new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
    serve(context) {
      if (context.path === '/__outbox-server') return { body: JSON.stringify({ url }), type: 'json' };
      return undefined;
    },
  };
}
