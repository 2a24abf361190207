/** Each procedure's README documents every state and event of its machine (docs that cannot drift silently). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS, loadDefinition } from './support.mjs';

for (const id of ['voluntary-rehab', 'addiction-determination', 'drug-user-management']) {
  test(`${id}/README.md names every state, event and deadline`, () => {
    const readme = readFileSync(join(WORKFLOWS, id, 'README.md'), 'utf8');
    const { definition } = loadDefinition(id);
    const missing = [];
    const walk = (states) => {
      for (const [name, s] of Object.entries(states)) {
        if (!readme.includes(name)) missing.push(`state ${name}`);
        for (const e of Object.keys(s.on ?? {})) if (!readme.includes(`\`${e}\``)) missing.push(`event ${e}`);
        for (const d of s.meta.deadlines ?? []) if (!readme.includes(`\`${d.id}\``)) missing.push(`deadline ${d.id}`);
        if (s.states) walk(s.states);
      }
    };
    walk(definition.states);
    assert.deepEqual(missing, []);
  });
}
