/**
 * Production runs without a JSON Schema compiler (strict CSP, no eval): every condition of these
 * procedures must be precompiled by `hoso build`, and the precompiled validators must decide the
 * scenarios exactly as the ajv compiler does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Procedure, conditionSchemas, precompiledConditions, schemaKey } from '../../packages/workflow/dist/index.js';
import { WORKFLOWS, content, procedure } from './support.mjs';

const ROOT = join(WORKFLOWS, '..');
const IDS = ['voluntary-rehab', 'addiction-determination', 'drug-user-management'];
const SCENARIOS = [
  'voluntary-rehab-adult-community',
  'voluntary-rehab-minor-guardian',
  'voluntary-rehab-refusals',
  'addiction-determination-voluntary-addicted',
  'drug-user-management-residence-change',
  'drug-user-management-refusals',
];

const out = mkdtempSync(join(tmpdir(), 'hoso-precompiled-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
execFileSync(
  process.execPath,
  ['packages/cli/bin/hoso.mjs', 'build', '--out', join(out, 'schemas'), '--workflows-out', join(out, 'workflows')],
  { cwd: ROOT, stdio: 'pipe' },
);
const { conditionValidators } = await import(pathToFileURL(join(out, 'workflows', 'conditions.js')).href);

function guardConditions(node, found = []) {
  if (Array.isArray(node)) node.forEach((n) => guardConditions(n, found));
  else if (node && typeof node === 'object') {
    if (node.type === 'condition' && node.params?.condition) found.push(node.params.condition);
    Object.values(node).forEach((v) => guardConditions(v, found));
  }
  return found;
}

for (const id of IDS) {
  test(`${id}: every guard condition schema is precompiled`, () => {
    const schemas = guardConditions(procedure(id).definition).flatMap(conditionSchemas);
    assert.ok(schemas.length > 5);
    const missing = schemas.filter((s) => typeof conditionValidators[schemaKey(s)] !== 'function');
    assert.deepEqual(missing, []);
  });
}

async function run(proc, scenario) {
  let c = proc.createCase({ person: scenario.person, at: scenario.events[0].at, id: 'same' });
  const outcomes = [];
  for (const e of scenario.events) {
    const r = await proc.apply(c, e);
    outcomes.push(r.ok ? r.case.state : r.refusal.code);
    if (r.ok) c = r.case;
  }
  return { outcomes, deadlines: c.deadlines.map((d) => [d.id, d.dueAt, d.late ?? null]), documents: c.documents };
}

for (const name of SCENARIOS) {
  test(`${name}: precompiled conditions decide as ajv does`, async () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, 'examples', 'scenarios', `${name}.json`), 'utf8'));
    const withAjv = procedure(scenario.procedure);
    const production = new Procedure(withAjv.definition, {
      ...content,
      compileCondition: precompiledConditions(conditionValidators),
    });
    const a = await run(withAjv, scenario);
    const b = await run(production, scenario);
    assert.deepEqual(b, a);
    assert.ok(a.outcomes.length === scenario.events.length);
  });
}
