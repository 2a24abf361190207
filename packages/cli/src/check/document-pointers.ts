/**
 * `hoso check`: a machine's document `number`/`date` pointers (`meta.documents.<id>.number`, e.g.
 * `/completion/certificateNumber`) must name a field of the form of every event that stores that data key
 * (`meta.events.<TYPE>.dataKey` + `.form`): a text field for the number, a `date` or `date-time` field for the date.
 * That the key is stored by some event at all, and not collected, is `checkDefinition`'s part.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { escapePointerToken } from '../build/build-error.js';
import type { JsonSource } from '../build/json-source.js';
import { at, type Problem } from './problem.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema of the field at `tokens` in a form's schema.json, following properties and file `$ref`s. */
function fieldOf(file: string, tokens: string[]): Obj | undefined {
  let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
  let base = dirname(file);
  for (const token of tokens) {
    for (let hops = 0; isObj(node) && typeof node.$ref === 'string' && !node.$ref.startsWith('#') && hops < 5; hops++) {
      const next = join(base, node.$ref);
      if (!existsSync(next)) return undefined;
      const { $ref: _ref, ...own } = node;
      node = { ...(JSON.parse(readFileSync(next, 'utf8')) as Obj), ...own };
      base = dirname(next);
    }
    node = isObj(node) && isObj(node.properties) ? node.properties[token] : undefined;
    if (!isObj(node)) return undefined;
  }
  return isObj(node) ? node : undefined;
}

/** Forms (`procedure/form`) by the data key their events store, from every state's `meta.events`. */
function formsByKey(states: Obj, out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const s of Object.values(states)) {
    if (!isObj(s)) continue;
    const events = isObj(s.meta) && isObj(s.meta.events) ? s.meta.events : {};
    for (const [type, em] of Object.entries(events)) {
      if (!isObj(em) || typeof em.form !== 'string') continue;
      const key = typeof em.dataKey === 'string' ? em.dataKey : type;
      if (!out.has(key)) out.set(key, new Set());
      out.get(key)!.add(em.form);
    }
    if (isObj(s.states)) formsByKey(s.states, out);
  }
  return out;
}

export function documentPointers(source: JsonSource, machine: Obj, schemasDir: string): Problem[] {
  const problems: Problem[] = [];
  const documents = isObj(machine.meta) && isObj(machine.meta.documents) ? machine.meta.documents : {};
  const forms = formsByKey(isObj(machine.states) ? machine.states : {});
  for (const [id, doc] of Object.entries(documents)) {
    if (!isObj(doc)) continue;
    for (const field of ['number', 'date'] as const) {
      const pointer = doc[field];
      if (typeof pointer !== 'string' || !pointer.startsWith('/')) continue;
      const [key = '', ...rest] = pointer
        .slice(1)
        .split('/')
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
      const where = `/meta/documents/${escapePointerToken(id)}/${field}`;
      for (const form of forms.get(key) ?? []) {
        const file = join(schemasDir, form, 'schema.json');
        if (!existsSync(file)) continue; // a missing form is reported by the form-name check
        const node = fieldOf(file, rest);
        const wrong = !node
          ? `is not a field of form "${form}"`
          : field === 'date' && node.format !== 'date' && node.format !== 'date-time'
            ? `is not a date in form "${form}" (format "date" or "date-time")`
            : field === 'number' && node.type !== 'string'
              ? `is not a text field in form "${form}"`
              : undefined;
        if (wrong) problems.push(at(source, where, 'error', `document "${id}" ${field} "${pointer}" ${wrong}`));
      }
    }
  }
  return problems;
}
