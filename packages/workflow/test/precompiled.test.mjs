// Production mode: the sample procedure runs on the validators `hoso build` precompiled
// (workflows/generated/conditions.js), with no run-time compiler, and decides like ajv does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { env, root } from './env.mjs';

const generated = `${root}workflows/generated/conditions.js`;
const skip = existsSync(generated) ? false : 'workflows/generated/conditions.js is missing: run `pnpm hoso build`';

test('precompiled condition validators give the same decisions as ajv', { skip }, async () => {
  const { conditionValidators } = await import(generated);
  const make = (compileCondition) =>
    new env.lib.Procedure(env.machine, {
      laws: env.laws,
      calendars: env.calendars,
      overlays: env.overlays,
      compileCondition,
    });
  const pre = make(env.lib.precompiledConditions(conditionValidators));
  const rt = make(env.ajv.ajvConditions());
  assert.throws(() => env.lib.precompiledConditions({})({ const: 1 }), /no precompiled validator/);
  const events = [
    ['REGISTER', { mode: 'home', determinationDate: '2026-04-01' }, ['commune-officer']],
    ['DECIDE', { provider: '' }, ['commune-pc-chair']],
    ['DECIDE', { provider: 'P' }, ['commune-pc-chair']],
  ];
  for (const [person, expect] of [
    [{ birthDate: '1990-01-01' }, ['accepted', 'guard-failed', 'accepted']],
    [{ birthDate: '2011-01-01' }, ['guard-failed', 'not-allowed-in-state', 'not-allowed-in-state']],
  ]) {
    const outcomes = [];
    for (const proc of [pre, rt]) {
      let c = proc.createCase({ person, at: '2026-07-06', id: 'x' });
      const codes = [];
      for (const [i, [type, data, roles]] of events.entries()) {
        const r = await proc.apply(c, { type, at: `2026-07-0${6 + i}T09:00:00+07:00`, by: { id: 'u', roles }, data });
        codes.push(r.ok ? 'accepted' : r.refusal.code);
        if (r.ok) c = r.case;
      }
      outcomes.push(codes);
    }
    assert.deepEqual(outcomes[0], expect, 'precompiled');
    assert.deepEqual(outcomes[1], outcomes[0], 'same as ajv');
  }
});
