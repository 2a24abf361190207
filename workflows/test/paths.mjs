/**
 * Replays every generated path of a procedure through the real runtime: each step's data comes from
 * a fixture table keyed `<state>/<EVENT>#<alternative>`; after every step the case is persisted and
 * restored, and the reached state must be the one the path says.
 */
import assert from 'node:assert/strict';
import { accept, assertAudit, deadline, later, refuse, roundTrip, structuralPaths } from './support.mjs';

const top = (state) => state.split('.')[0].split('|')[0];

/**
 * @param proc the Procedure
 * @param fixtures `{ [state/EDGE]: { by, data?: (case, path) => data, after?: deadlineId, expect?: (lawVersion) => code } }`
 * @param options `{ start, person: (path) => person, province?, infeasible?: (path) => boolean }`: `infeasible`
 *   names structural paths whose guards contradict each other (e.g. an adult's track, then the minor's
 *   admission, which the same data can never satisfy); they are counted, not replayed
 * @returns `{ paths, completed, blocked }`: paths replayed to a final state, and paths that the pinned law stops
 */
export async function replayAllPaths(proc, fixtures, { start, person, province, infeasible }) {
  const { paths, loops } = structuralPaths(proc.definition);
  assert.ok(paths.length > 0, 'the machine has paths to a final state');
  const used = new Set();
  const counts = { paths: paths.length, completed: 0, blocked: 0 };
  for (const path of paths) {
    if (infeasible?.(path)) {
      counts.infeasible = (counts.infeasible ?? 0) + 1;
      continue;
    }
    const label = path.steps.map((s) => s.edge).join(' > ');
    let c = proc.createCase({ person: person(path), at: start, ...(province ? { province } : {}) });
    c = roundTrip(proc, c);
    let clock = start;
    const step = async (state, edge) => {
      const key = `${top(state)}/${edge}`;
      const f = fixtures[key];
      assert.ok(f, `no fixture for ${key} (path ${label})`);
      used.add(key);
      clock = later(clock, { hours: 2 });
      const expected = f.expect?.(c.lawVersion) ?? 'ok';
      if (f.after) {
        const d = deadline(c, f.after);
        if (expected === 'ok') assert.ok(d, `${key}: deadline "${f.after}" was not started (path ${label})`);
        const past = d ? later(d.dueAt, { days: 1 }) : later(clock, { months: 7 });
        if (Date.parse(past) > Date.parse(clock)) clock = past;
      }
      const type = edge.split('#')[0];
      const data = f.data ? f.data(c, path) : undefined;
      if (expected === 'ok') return { c: await accept(proc, c, type, clock, f.by, data), accepted: true };
      await refuse(proc, c, type, clock, f.by, data, expected);
      return { c, accepted: false };
    };
    let blocked = false;
    for (const s of path.steps) {
      for (const loop of loops[top(c.state)] ?? []) {
        const before = c.state;
        c = (await step(c.state, loop)).c;
        assert.equal(c.state, before, `${loop} keeps the state (path ${label})`);
      }
      const docs = c.documents.length;
      const r = await step(c.state, s.edge);
      c = r.c;
      if (!r.accepted) {
        // The law pinned by this case does not allow this step (e.g. a Law-120-only rule): the refusal was
        // the expected one and the path ends here.
        assert.equal(c.state, s.from);
        blocked = true;
        break;
      }
      assert.equal(c.state, s.to, `path ${label}: ${s.edge} from ${s.from}`);
      const tr = transitionOf(proc.definition, s.from, s.edge);
      const issued = [tr.actions ?? []].flat().filter((a) => a.type === 'issueDocument');
      assert.deepEqual(
        c.documents.slice(docs).map((d) => d.id),
        issued.map((a) => a.params.document),
        `${s.edge} issues its documents`,
      );
    }
    await assertAudit(c);
    if (blocked) {
      counts.blocked++;
      continue;
    }
    assert.equal(c.status, 'closed', `path ${label} ends closed`);
    assert.equal(c.state, path.end);
    counts.completed++;
  }
  const unused = Object.keys(fixtures).filter((k) => !used.has(k));
  assert.deepEqual(unused, [], 'every fixture is used by some path (no stale fixture)');
  return counts;
}

function transitionOf(def, from, edge) {
  const [event, i] = edge.split('#');
  const names = from.split('.');
  let states = def.states;
  const chain = [];
  for (const n of names) {
    chain.push(states[n]);
    states = states[n].states ?? {};
  }
  for (const s of chain.reverse()) {
    const t = s.on?.[event];
    if (t) return [t].flat()[Number(i)];
  }
  throw new Error(`no ${event} from ${from}`);
}
