/**
 * Each procedure's README.md is exactly what `hoso readme` generates from its machine, the law, the overlays, the
 * forms and its NOTES.md (docs that cannot drift), and names every state, event and deadline of its machine.
 * After changing a machine, law file, form list or NOTES.md: `node packages/cli/bin/hoso.mjs readme`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateReadme } from '../../packages/cli/dist/commands/readme.js';
import { WORKFLOWS, loadDefinition } from './support.mjs';

const root = dirname(WORKFLOWS);
const dirs = {
  root,
  workflows: WORKFLOWS,
  schemas: join(root, 'schemas'),
  scenarios: join(root, 'examples', 'scenarios'),
};
const ids = readdirSync(WORKFLOWS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(WORKFLOWS, d.name, 'machine.json')))
  .map((d) => d.name)
  .sort();

test('every procedure folder is covered', () => {
  assert.ok(ids.length >= 7, `procedures found: ${ids.join(', ')}`);
});

for (const id of ids) {
  test(`${id}/README.md is what \`hoso readme\` generates`, async () => {
    const file = join(WORKFLOWS, id, 'README.md');
    assert.ok(existsSync(file), `${id}/README.md is missing: run node packages/cli/bin/hoso.mjs readme ${id}`);
    const expected = await generateReadme(id, dirs, root);
    assert.ok(
      readFileSync(file, 'utf8') === expected,
      `workflows/${id}/README.md is out of date: run node packages/cli/bin/hoso.mjs readme ${id}`,
    );
  });

  test(`${id}/README.md names every state, event and deadline`, () => {
    const readme = readFileSync(join(WORKFLOWS, id, 'README.md'), 'utf8');
    const { definition } = loadDefinition(id);
    const missing = [];
    const walk = (states, prefix) => {
      for (const [name, s] of Object.entries(states)) {
        const full = prefix + name;
        if (!readme.includes(`### \`${full}\` — `)) missing.push(`state ${full} (its own section)`);
        if (!readme.includes(`| \`${full}\``)) missing.push(`state ${full} (in the steps table)`);
        for (const e of Object.keys(s.on ?? {})) if (!readme.includes(`| \`${e}\``)) missing.push(`event ${e}`);
        for (const d of s.meta.deadlines ?? [])
          if (!readme.includes(`### \`${d.id}\` — `)) missing.push(`deadline ${d.id}`);
        if (s.states) walk(s.states, `${full}.`);
      }
    };
    walk(definition.states, '');
    assert.deepEqual(missing, []);
  });
}
