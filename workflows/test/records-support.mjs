/**
 * Service entries (RECORD_SERVICE, collected under `services`) and needs assessments (ASSESS_NEEDS, under `needs`)
 * for the path replays of the procedures that record them: fixture entries `<state>/RECORD_SERVICE#0` and
 * `<state>/ASSESS_NEEDS#0` whose data are the valid fixtures of `schemas/<procedure>/service` and `.../needs`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS } from './support.mjs';

const ROOT = join(WORKFLOWS, '..');

/** A fixture of `schemas/<procedure>/<form>/fixtures/<name>.json`. */
export function recordFixture(procedure, form, name = 'valid') {
  return JSON.parse(readFileSync(join(ROOT, 'schemas', procedure, form, 'fixtures', `${name}.json`), 'utf8'));
}

/**
 * @param procedure e.g. `post-rehab`
 * @param states `{ [topState]: actor }`: who records in each state where the two events are available
 */
export function recordLoops(procedure, states) {
  const out = {};
  for (const [state, by] of Object.entries(states)) {
    out[`${state}/RECORD_SERVICE#0`] = { by, data: () => recordFixture(procedure, 'service') };
    out[`${state}/ASSESS_NEEDS#0`] = { by, data: () => recordFixture(procedure, 'needs') };
  }
  return out;
}
