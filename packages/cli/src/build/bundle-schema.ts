/**
 * Makes a form's JSON Schema self-contained: every `$ref` (to another file such as
 * `../../defs/person.json#/definitions/x`, or internal `#/definitions/x`) is replaced by the schema
 * it points at, so JSON Forms, ajv and the generated module all see one plain tree.
 *
 * Keywords beside a `$ref` (a `title`, a `description`) override the referenced schema's own.
 * Inlined documents lose their `$schema`, `$id`, `$comment` and `definitions`; the root keeps `$schema`.
 * A reference cycle, a missing file or a missing pointer is a BuildError at the `$ref`.
 */
import { dirname, resolve } from 'node:path';
import { BuildError, escapePointerToken, pointerTokens } from './build-error.js';
import { readJsonSource, type JsonSource } from './json-source.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keywords whose values are data, not schemas: a `$ref` inside them is not followed. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);
const DOCUMENT_ONLY = new Set(['$schema', '$id', '$comment', 'definitions', '$defs']);
/** Keywords whose values are maps of name -> schema: their keys are names, never keywords. */
const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependencies',
  'dependentSchemas',
]);

export class SchemaBundler {
  readonly #sources = new Map<string, Promise<JsonSource>>();
  /** Every file read, for the build's summary and for watch tools. */
  readonly files = new Set<string>();

  constructor(readonly display: (file: string) => string) {}

  load(file: string): Promise<JsonSource> {
    let source = this.#sources.get(file);
    if (!source) {
      source = readJsonSource(file, this.display(file));
      this.#sources.set(file, source);
      this.files.add(file);
    }
    return source;
  }

  /** The bundled form of the schema in `file`. */
  async bundle(file: string): Promise<Record<string, Json>> {
    const source = await this.load(file);
    if (!isObject(source.value)) throw source.error('', 'a JSON Schema must be an object');
    const out = (await this.#walk(source.value as Json, source, '', [])) as Record<string, Json>;
    delete out['definitions'];
    delete out['$defs'];
    return out;
  }

  async #walk(node: Json, source: JsonSource, pointer: string, stack: string[], isMap = false): Promise<Json> {
    if (Array.isArray(node)) {
      return Promise.all(node.map((item, i) => this.#walk(item, source, `${pointer}/${i}`, stack)));
    }
    if (!isObject(node)) return node;
    const out: Record<string, Json> = {};
    if (isMap) {
      for (const [k, v] of Object.entries(node)) {
        out[k] = await this.#walk(v, source, `${pointer}/${escapePointerToken(k)}`, stack);
      }
      return out;
    }
    if ('$ref' in node) {
      const ref = node['$ref'];
      if (typeof ref !== 'string') throw source.error(`${pointer}/$ref`, '"$ref" must be a string');
      const target = await this.#resolve(ref, source, `${pointer}/$ref`);
      const key = `${target.source.file}#${target.pointer}`;
      if (stack.includes(key)) {
        throw source.error(`${pointer}/$ref`, `"$ref": "${ref}" is circular (${[...stack, key].join(' -> ')})`);
      }
      const inlined = await this.#walk(target.node, target.source, target.pointer, [...stack, key]);
      if (!isObject(inlined))
        throw source.error(`${pointer}/$ref`, `"$ref": "${ref}" does not point at a schema object`);
      for (const [k, v] of Object.entries(inlined)) if (!DOCUMENT_ONLY.has(k)) out[k] = v;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref') continue;
      const child = `${pointer}/${escapePointerToken(k)}`;
      out[k] = DATA_KEYWORDS.has(k) ? v : await this.#walk(v, source, child, stack, SCHEMA_MAPS.has(k));
    }
    return out;
  }

  async #resolve(
    ref: string,
    from: JsonSource,
    at: string,
  ): Promise<{ source: JsonSource; pointer: string; node: Json }> {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      throw from.error(at, `"$ref": "${ref}" is an absolute URI; only relative file references are supported`);
    }
    const hash = ref.indexOf('#');
    const path = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
    if (fragment !== '' && !fragment.startsWith('/')) {
      throw from.error(at, `"$ref": "${ref}" has a fragment that is not a JSON pointer`);
    }
    let source = from;
    if (path) {
      const file = resolve(dirname(from.file), path);
      try {
        source = await this.load(file);
      } catch (e) {
        // A syntax error inside the referenced file is reported where it is; a missing file at the $ref.
        if (e instanceof BuildError && e.detail.startsWith('invalid JSON')) throw e;
        const why = e instanceof BuildError ? e.detail : String(e);
        throw from.error(at, `cannot resolve "$ref": "${ref}" (${this.display(file)}: ${why})`);
      }
    }
    let node = source.value as Json;
    for (const token of pointerTokens(fragment)) {
      const next: Json | undefined = Array.isArray(node)
        ? node[Number(token)]
        : isObject(node) && Object.prototype.hasOwnProperty.call(node, token)
          ? node[token]
          : undefined;
      if (next === undefined) {
        throw from.error(at, `cannot resolve "$ref": "${ref}": "#${fragment}" does not exist in ${source.display}`);
      }
      node = next;
    }
    return { source, pointer: fragment, node };
  }
}

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
