// The cases the document tests print (Node, the built runtime): an example scenario played by the real runtime, and
// the example case of each template (packages/elements/src/document/cases.json, as document-cases.ts plays it in
// the browser). Used by document-pdf.test.mjs and portal-document.test.mjs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/run.mjs';

export const json = (p) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

/** An example scenario played by the real runtime (Node build): the first `upTo` events, `edit` applied first. */
export async function buildCase(file, { upTo, edit } = {}) {
  const { Procedure } = await import(join(ROOT, 'packages/workflow/dist/index.js'));
  const { ajvConditions } = await import(join(ROOT, 'packages/workflow/dist/ajv-conditions.js'));
  const dir = (d) => readdirSync(join(ROOT, d)).map((f) => json(`${d}/${f}`));
  const s = json(`examples/scenarios/${file}.json`);
  edit?.(s);
  const proc = new Procedure(json(`workflows/${s.procedure}/machine.json`), {
    laws: dir('workflows/law'),
    calendars: dir('workflows/calendars/vn'),
    overlays: dir('workflows/overlays'),
    compileCondition: ajvConditions(),
  });
  let c = proc.createCase({ person: s.person, at: s.events[0].at });
  for (const e of s.events.slice(0, upTo)) {
    const r = await proc.apply(c, e);
    if (r.ok) c = r.case;
  }
  return JSON.parse(JSON.stringify(c));
}

/** The example case of a template from packages/elements/src/document/cases.json (see document-cases.ts there). */
const CASES = json('packages/elements/src/document/cases.json').cases;
const merge = (a, b) => {
  if (b === undefined) return a;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(b)) return b;
  return Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, merge(a[k], b[k])]));
};
export async function exampleCase(template) {
  const spec = CASES.find((c) => c.template === template);
  const { fixtures } = await import(join(ROOT, 'schemas/generated/fixtures.js'));
  const scenario = json(`examples/scenarios/${spec.scenario}.json`);
  const data = (e) => {
    if (!e.fixture) return scenario.events[e.scenarioEvent].data;
    const [p, f, file] = e.fixture.split('/');
    return fixtures[`${p}/${f}`].find((x) => x.file === file).data;
  };
  const append = (spec.append ?? []).map((e) => ({ type: e.type, at: e.at, by: e.by, data: merge(data(e), e.patch) }));
  const c = await buildCase(spec.scenario, {
    edit: (s) => (s.events = [...s.events.slice(0, spec.upTo), ...append]),
  });
  assert.equal(c.state, spec.state, `${template}: the example case ends in ${c.state}`);
  return c;
}
