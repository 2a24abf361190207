// `collect` data keys (entries appended, oldest first), what guards see of them, and documents recording their
// number and date from the case data — against the built runtime (dist), with a test machine kept as data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { env } from './env.mjs';

const { Procedure, serializeCase, checkDefinition, verifyAudit } = env.lib;
const t = (en) => ({ vi: `[vi] ${en}`, en });
const basis = [{ citation: 'test', evidence: 'INF' }];
const officer = { id: 'officer-1', roles: ['officer'] };

/** Services may be recorded again and again while open; only a `counselling` entry may close the case. */
const machine = {
  id: 'collect-test',
  version: '1.0.0',
  title: t('Collect'),
  initial: 'open',
  meta: {
    documents: {
      decision: { title: t('Decision'), number: '/decision/number', date: '/decision/issuedOn' },
      note: { title: t('Note') },
    },
  },
  states: {
    open: {
      meta: {
        title: t('Open'),
        basis,
        roles: ['officer'],
        events: {
          RECORD_SERVICE: { dataKey: 'services', collect: true },
          ASSESS: { dataKey: 'needs' },
          DECIDE: { dataKey: 'decision' },
          CLOSE: {},
        },
      },
      on: {
        RECORD_SERVICE: {
          guard: {
            type: 'condition',
            params: {
              condition: {
                scope: '#/properties/$event/properties/data/properties/type',
                schema: { enum: ['counselling', 'screening', 'supervision'] },
                failWhenUndefined: true,
              },
            },
          },
        },
        ASSESS: {},
        DECIDE: {
          actions: [
            { type: 'issueDocument', params: { document: 'decision' } },
            { type: 'issueDocument', params: { document: 'note' } },
          ],
        },
        CLOSE: {
          target: 'closed',
          description: 'at least two services recorded',
          guard: {
            type: 'condition',
            params: {
              condition: {
                scope: '#/properties/services',
                schema: { type: 'array', minItems: 2 },
                failWhenUndefined: true,
              },
            },
          },
        },
      },
    },
    closed: { type: 'final', meta: { title: t('Closed'), basis } },
  },
};

const proc = () =>
  new Procedure(machine, {
    laws: env.laws,
    calendars: env.calendars,
    compileCondition: env.ajv.ajvConditions(),
  });
const at = (d, h = 9) => `2026-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000+07:00`;

async function send(p, c, type, day, data) {
  const r = await p.apply(c, { type, at: at(day), by: officer, ...(data === undefined ? {} : { data }) });
  if (!r.ok) throw new Error(`${type} refused: ${r.refusal.code} ${r.refusal.message.en} ${r.refusal.detail ?? ''}`);
  return r.case;
}

describe('collect data keys', () => {
  test('entries are appended oldest first, each exactly the form data; other keys are replaced', async () => {
    const p = proc();
    let c = p.createCase({ person: { birthDate: '1990-01-01' }, at: at(2, 8) });
    const a = { type: 'counselling', providedOn: '2026-03-02', provider: 'Trạm Y tế xã' };
    const b = { type: 'screening', providedOn: '2026-03-03', provider: 'Trung tâm Y tế khu vực', note: 'test' };
    c = await send(p, c, 'RECORD_SERVICE', 2, a);
    assert.deepEqual(c.data.services, [a]);
    c = await send(p, c, 'ASSESS', 2, { needs: ['job'], eligible: true, assessedOn: '2026-03-02' });
    c = await send(p, c, 'RECORD_SERVICE', 3, b);
    c = await send(p, c, 'ASSESS', 3, { needs: ['social'], eligible: false, assessedOn: '2026-03-03' });
    assert.deepEqual(c.data.services, [a, b], 'both entries, oldest first, nothing added to them');
    assert.deepEqual(
      c.data.needs,
      { needs: ['social'], eligible: false, assessedOn: '2026-03-03' },
      'plain key replaced',
    );
    assert.equal(c.state, 'open');
    // The stored entry is a copy: changing what was sent does not change the case.
    a.provider = 'changed';
    assert.equal(c.data.services[0].provider, 'Trạm Y tế xã');
  });

  test('guards see the incoming entry as $event.data and the array (with it appended) under the key', async () => {
    const p = proc();
    let c = p.createCase({ person: {}, at: at(2, 8) });
    const refused = await p.apply(c, {
      type: 'RECORD_SERVICE',
      at: at(2),
      by: officer,
      data: { type: 'loan', providedOn: '2026-03-02', provider: 'Ngân hàng' },
    });
    assert.equal(refused.ok, false);
    assert.equal(refused.refusal.code, 'guard-failed', 'the $event.data condition reads the incoming type');
    c = await send(p, c, 'RECORD_SERVICE', 2, { type: 'counselling', providedOn: '2026-03-02', provider: 'X' });
    const early = await p.apply(c, { type: 'CLOSE', at: at(3), by: officer });
    assert.equal(early.ok, false, 'one entry is not enough: the array under the key has 1 item');
    c = await send(p, c, 'RECORD_SERVICE', 3, { type: 'supervision', providedOn: '2026-03-03', provider: 'Y' });
    c = await send(p, c, 'CLOSE', 4);
    assert.equal(c.state, 'closed');
    assert.equal(c.data.services.length, 2);
  });

  test('the audit has one entry per collected event whose dataHash matches that entry; persistence round trip', async () => {
    const p = proc();
    let c = p.createCase({ person: {}, at: at(2, 8) });
    const entries = [
      { type: 'counselling', providedOn: '2026-03-02', provider: 'A' },
      { type: 'screening', providedOn: '2026-03-04', provider: 'B' },
      { type: 'supervision', providedOn: '2026-03-05', provider: 'C' },
    ];
    for (const [i, e] of entries.entries()) c = await send(p, c, 'RECORD_SERVICE', 2 + i, e);
    assert.deepEqual(
      c.audit.map((x) => [x.event, x.at]),
      entries.map((_, i) => ['RECORD_SERVICE', at(2 + i)]),
      'each entry moment is in the audit, not in the data',
    );
    assert.deepEqual(await verifyAudit(c, c.data.services), { ok: true, entries: 3 });
    const tampered = structuredClone(c.data.services);
    tampered[1].provider = 'forged';
    assert.equal((await verifyAudit(c, tampered)).ok, false, 'an edited entry no longer matches its audit hash');
    const restored = p.restore(JSON.parse(serializeCase(c)));
    assert.deepEqual(restored.data.services, entries);
    const next = await send(p, restored, 'RECORD_SERVICE', 6, {
      type: 'counselling',
      providedOn: '2026-03-06',
      provider: 'D',
    });
    assert.deepEqual(
      next.data.services.map((s) => s.provider),
      ['A', 'B', 'C', 'D'],
      'appending continues after a restore',
    );
  });

  test('a case holding a single value under a collect key is refused with a clear message', async () => {
    const p = proc();
    const c = p.createCase({ person: {}, at: at(2, 8) });
    c.data.services = { type: 'counselling' };
    const r = await p.apply(c, {
      type: 'RECORD_SERVICE',
      at: at(2),
      by: officer,
      data: { type: 'counselling', providedOn: '2026-03-02', provider: 'A' },
    });
    assert.equal(r.ok, false);
    assert.equal(r.refusal.code, 'invalid-event');
    assert.match(r.refusal.message.en, /"services" holds a single value, not a list/);
  });
});

describe('documents record their number and date', () => {
  test('number and date come from the pointers of meta.documents; a document without pointers has neither', async () => {
    const p = proc();
    let c = p.createCase({ person: {}, at: at(2, 8) });
    c = await send(p, c, 'DECIDE', 9, { number: '12/QĐ-UBND', issuedOn: '2026-03-09' });
    const [decision, note] = c.documents;
    assert.equal(decision.id, 'decision');
    assert.equal(decision.number, '12/QĐ-UBND');
    assert.equal(decision.date, '2026-03-09');
    assert.equal(decision.issuedAt, at(9));
    assert.equal(note.id, 'note');
    assert.equal('number' in note || 'date' in note, false);
    const restored = p.restore(serializeCase(c));
    assert.equal(restored.documents[0].number, '12/QĐ-UBND');
  });

  test('missing or empty values are left out rather than invented', async () => {
    const p = proc();
    let c = p.createCase({ person: {}, at: at(2, 8) });
    c = await send(p, c, 'DECIDE', 9, { number: '  ', other: 1 });
    assert.equal('number' in c.documents[0], false);
    assert.equal('date' in c.documents[0], false);
  });
});

describe('definition checks for data keys', () => {
  const known = { guards: Object.keys(env.lib.builtinGuards), actions: Object.keys(env.lib.builtinActions) };
  test('the test machine passes', () => {
    assert.deepEqual(checkDefinition(machine, known), []);
  });

  test('a key both collected and stored in place, a deadline reading a list, bad document pointers', () => {
    const bad = structuredClone(machine);
    bad.states.open.meta.events.ASSESS.dataKey = 'services';
    bad.states.open.meta.deadlines = [
      {
        id: 'x',
        title: t('X'),
        n: 5,
        unit: 'days',
        basis: 'b',
        from: 'DECIDE',
        until: ['CLOSE'],
        start: { data: '#/properties/services/properties/providedOn' },
      },
    ];
    bad.meta.documents.decision.number = '/nowhere/number';
    bad.meta.documents.decision.date = '/services/0/providedOn';
    const problems = checkDefinition(bad, known);
    const at = (ptr) => problems.find((x) => x.pointer === ptr)?.message ?? '(no problem reported)';
    assert.match(
      at('/states/open/meta/events/RECORD_SERVICE/collect'),
      /"services" is collected here .* stored in place by \/states\/open\/meta\/events\/ASSESS/,
    );
    assert.match(at('/states/open/meta/deadlines/0/start/data'), /reads inside "services", which is collected/);
    assert.match(
      at('/meta/documents/decision/number'),
      /data key "nowhere", which no event stores \(data keys: .*decision.*\)/,
    );
    assert.match(at('/meta/documents/decision/date'), /reads inside "services", which is collected/);
  });
});
