/**
 * `GET /openapi.json`: the OpenAPI 3.1 document of the server, built from the contract's JSON Schema (the
 * definitions the server validates submissions with become `components.schemas`, their `$ref`s rewritten)
 * and from the server's own refusal codes, so the document cannot drift from the code.
 */
import { contract } from './contract.js';
import { serverCodes } from './errors.js';

type Json = unknown;

function rewriteRefs(v: Json): Json {
  if (Array.isArray(v)) return v.map(rewriteRefs);
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] =
        k === '$ref' && typeof x === 'string'
          ? x.replace(/^#\/definitions\//, '#/components/schemas/')
          : rewriteRefs(x);
    }
    return out;
  }
  return v;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({
  description,
  content: { 'application/json': { schema } },
});

/** `extraPaths`: the paths of optional route modules (reports, …), added as they are. */
export function openApiDocument(version: string, extraPaths: Record<string, Json> = {}): Record<string, Json> {
  const { schema } = contract();
  const codes = serverCodes();
  const refusals = (...statuses: number[]): Record<string, Json> =>
    Object.fromEntries(
      statuses.map((s) => [
        String(s),
        json(
          ref('refusal'),
          codes
            .filter((c) => c.status === s)
            .map((c) => `\`${c.code}\`: ${c.message.en}`)
            .join(' ') || 'refusal',
        ),
      ]),
    );
  const auth = [{ portalToken: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'hoso server',
      version,
      description: `${schema.title}. Refusals carry a kebab-case code, a message in Vietnamese and English, and the JSON pointer of the bad field. Workflow refusals (422, 403 for roles) carry the @hoso/workflow code.`,
    },
    components: {
      schemas: rewriteRefs(schema.definitions),
      securitySchemes: {
        portalToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'HS256, claims sub, name, roles, commune, exp (docs/server.md).',
        },
      },
    },
    paths: {
      '/cases/{caseId}/events': {
        post: {
          summary: 'Submit one event of one case (re-run with the procedure runtime)',
          security: auth,
          parameters: [
            { name: 'caseId', in: 'path', required: true, schema: ref('id') },
            { name: 'Idempotency-Key', in: 'header', required: true, schema: ref('idempotencyKey') },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('submission') } } },
          responses: {
            '200': json(ref('submitAccepted'), 'applied (or applied before under this key: the same body)'),
            '201': json(ref('submitAccepted'), 'applied; the case was created'),
            ...refusals(400, 401, 403, 404, 409, 422, 500),
          },
        },
      },
      '/attachments/{id}': {
        put: {
          summary: 'Upload one file of a case',
          security: auth,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: ref('id') },
            { name: 'Idempotency-Key', in: 'header', required: true, schema: ref('idempotencyKey') },
            { name: 'X-Hoso-Case-Id', in: 'header', required: true, schema: ref('id') },
            { name: 'X-Hoso-File-Name', in: 'header', schema: { type: 'string' } },
            { name: 'X-Hoso-Attachment-Item', in: 'header', schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
          responses: {
            '200': json(ref('uploadAccepted'), 'stored before'),
            '201': json(ref('uploadAccepted'), 'stored'),
            ...refusals(400, 401, 403, 409, 413, 415, 422),
          },
        },
      },
      '/cases/{caseId}/attachments/{id}': {
        get: {
          summary: 'Download one file of a case (commune and roles of the case checked)',
          security: auth,
          parameters: [
            { name: 'caseId', in: 'path', required: true, schema: ref('id') },
            { name: 'id', in: 'path', required: true, schema: ref('id') },
          ],
          responses: {
            '200': {
              description:
                'the file, with its stored Content-Type and Content-Disposition: attachment (filename in UTF-8)',
              content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
            },
            ...refusals(401, 403, 404),
          },
        },
      },
      '/cases': {
        get: {
          summary: "Cases of the user's commune changed after a cursor",
          security: auth,
          parameters: [
            { name: 'commune', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'since', in: 'query', schema: { type: 'string', pattern: '^\\d+$' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: {
            '200': json(ref('loadAnswer'), 'changed cases and the next cursor'),
            ...refusals(400, 401, 403),
          },
        },
      },
      '/health': {
        get: {
          summary: 'Liveness and database check',
          responses: { '200': json({ type: 'object' }, 'up'), '503': json({ type: 'object' }, 'database unreachable') },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI') } } },
      ...extraPaths,
    },
  };
}
