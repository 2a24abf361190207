// Runnable example from the README: `npx tsc -b && node packages/workflow/examples/headless.mjs`
// (from the repository root). Node reads the content from disk; a browser would import the same JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { Procedure, serializeCase, verifyAudit } from '@hoso/workflow';
import { ajvConditions } from '@hoso/workflow/ajv';

const root = new URL('../../../workflows/', import.meta.url);
const json = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const all = (dir) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.json'))
    .map((f) => json(dir + f));

// 1. Bind a definition to the law, the calendars and a condition compiler.
const proc = new Procedure(json('sample/machine.json'), {
  laws: all('law/'),
  calendars: all('calendars/vn/'),
  overlays: all('overlays/'),
  compileCondition: ajvConditions(), // production: precompiledConditions(conditionValidators)
});

// 2. Create a case: the law in force on the triggering date is pinned.
let c = proc.createCase({
  person: { fullName: 'Nguyễn Văn A', birthDate: '1990-05-01' },
  at: '2026-04-24T09:00:00+07:00',
});
console.log('law version pinned:', c.lawVersion);

// 3. Apply events; each returns a new case or a refusal (the old case is untouched).
const officer = { id: 'officer-1', roles: ['commune-officer'] };
let r = await proc.apply(c, { type: 'REGISTER', at: '2026-04-24T09:00:00+07:00', by: officer, data: { mode: 'home' } });
if (r.ok) c = r.case;
r = await proc.apply(c, { type: 'DECIDE', at: '2026-04-27T09:00:00+07:00', by: officer, data: { provider: 'P' } });
if (!r.ok) console.log('refused:', r.refusal.code, '-', r.refusal.message.en);

// 4. Read a view at any moment: deadlines with status, allowed events, documents, basis.
const view = proc.view(c, { now: '2026-04-29T10:00:00+07:00', roles: ['commune-pc-chair'] });
const d = view.deadlines[0];
console.log(
  `state: ${view.state}; deadline "${d.title.en}": ${d.due} (${d.status}), ${d.n} ${d.unit}, calendar ${d.calendars[0].version}`,
);
console.log('the chair may:', view.allowedEvents.map((e) => e.type).join(', '));
console.log('documents due:', view.documentsDue.map((x) => x.title.en).join('; '));

// 5. Persist and restore: a restored case reads exactly like the live one.
const restored = proc.restore(JSON.parse(serializeCase(c)));
console.log(
  'same view after restore:',
  JSON.stringify(proc.view(restored, { now: view.now })) === JSON.stringify(proc.view(c, { now: view.now })),
);
console.log('audit:', await verifyAudit(restored));
