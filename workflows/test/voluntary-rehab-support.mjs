/**
 * Shared by the voluntary-rehab tests: the procedure, the people who act, and event data taken from the forms'
 * fixtures (each checked by the form's generated validator).
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKFLOWS, by, procedure } from './support.mjs';

export const ROOT = join(WORKFLOWS, '..');
export const { schemaKey } = await import(pathToFileURL(join(ROOT, 'packages/forms/dist/validation/index.js')).href);
export const validators = {};
export const FORMS = ['registration', 'decision', 'contract', 'violation-record', 'electronic-monitoring'];
// The forms of the other data-carrying steps (REPORT_MOVE, PRESENT, COMPLETE, REJECT, ...).
FORMS.push('determination-notice', 'referral', 'rejection', 'residence-change', 'presentation', 'completion');
FORMS.push('commune-notice', 'dossier');
for (const form of FORMS) {
  const file = join(ROOT, 'schemas/generated/voluntary-rehab', `${form}.js`);
  const mod = await import(pathToFileURL(file).href).catch((e) => {
    throw new Error(`${file}: run \`npx tsc -b && node packages/cli/bin/hoso.mjs build\` first (${e.message})`);
  });
  validators[form] = mod.validators[schemaKey(mod.schema)];
}

/** Deep merge: objects merge, `undefined` removes a key, anything else replaces. */
export function patched(value, patch) {
  if (patch === undefined) return value;
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out = { ...value };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = patched(out[k], v);
  }
  return out;
}

/**
 * Event data from a form's fixture (schemas/voluntary-rehab/<form>/fixtures/<name>.json), optionally patched.
 * Data built from a valid fixture must still pass the form's own precompiled validator, so every event the
 * machine accepts here is something the form lets an officer submit.
 */
export function formFixture(form, name, patch) {
  const file = join(ROOT, 'schemas/voluntary-rehab', form, 'fixtures', `${name}.json`);
  const data = patched(JSON.parse(readFileSync(file, 'utf8')), patch);
  if (name.startsWith('valid')) {
    const ok = validators[form](data);
    assert.ok(
      ok,
      `${form}/${name} ${JSON.stringify(patch)} fails its form: ${JSON.stringify(validators[form].errors)}`,
    );
  }
  return data;
}

export const proc = procedure('voluntary-rehab');
export const officer = by('officer-1', 'commune-officer');
export const chair = by('chair-1', 'commune-pc-chair');
export const police = by('police-1', 'commune-police-head');
export const provider = by('provider-1', 'service-provider');
export const facility = by('facility-1', 'rehab-facility');
export const doctor = by('doctor-1', 'determination-facility');
export const personUser = by('person-1', 'person');

export const ADULT = '1990-05-01';
export const MINOR = '2010-08-01';

export const REHAB_FORMS = {
  community: {
    rehabForm: 'community',
    serviceProvider: 'Trạm Y tế xã Đông Sơn',
    familySupporterName: undefined,
    facilityName: undefined,
    costSupportGroup: undefined,
  },
  home: { rehabForm: 'home', serviceProvider: 'Trạm Y tế xã Đông Sơn', familySupporterName: 'Lê Văn Tâm' },
  facility: {
    rehabForm: 'facility',
    facilityName: 'Cơ sở cai nghiện ma túy số 1',
    serviceProvider: undefined,
    familySupporterName: undefined,
  },
};

/**
 * Registration data from the form's fixtures (schemas/voluntary-rehab/registration/fixtures): an adult in the
 * community (valid-community), a minor at home registered by her father (valid-minor-home) or an adult at a
 * facility (valid); the variant asked for is patched in and must still pass the form's validator.
 */
export function application({ dob, minor = false, form = minor ? 'home' : 'community', previousRehab = false } = {}) {
  const base = minor ? 'valid-minor-home' : form === 'facility' ? 'valid' : 'valid-community';
  return formFixture('registration', base, {
    ...(dob ? { person: { dateOfBirth: dob } } : {}),
    registration: REHAB_FORMS[form],
    drugUse: previousRehab
      ? { previousRehab: true, previousRehabCount: 1 }
      : { previousRehab: false, previousRehabCount: undefined },
  });
}

/** Law 120/2025 (from 2026-07-01) sets 24/36 months; earlier versions 6–12 (Law 73). */
export const law120 = (c) => c.lawVersion >= '2026-07-01';

/** The decision fixture that fits the case: law version, first or repeat rehab, and the registered form. */
export function decisionFor(c, patch = {}) {
  const repeat = c.data.application.drugUse.previousRehab === true;
  const home = c.data.application.registration.rehabForm === 'home';
  const name = law120(c)
    ? repeat
      ? 'valid-repeat'
      : home
        ? 'valid-home'
        : 'valid'
    : repeat
      ? 'valid-law73-repeat'
      : 'valid-law73';
  const form = home && name !== 'valid-home' ? { rehabForm: 'home', familySupporterName: 'Lê Văn Tâm' } : {};
  return formFixture('decision', name, { ...form, ...patch });
}

/**
 * The contract fixture signed by `signatory` (the representative's for a minor) for a form of rehab:
 * valid (adult, community), valid-representative (minor, home) or valid-facility (adult, facility).
 */
export function contract(signatory = 'person', setting = 'community') {
  const name =
    signatory === 'representative' ? 'valid-representative' : setting === 'facility' ? 'valid-facility' : 'valid';
  return formFixture('contract', name, { setting });
}
/** Who signs the contract: the person, or the representative of a minor. */
export function signer(c) {
  return c.data.application.applicant.role === 'self' ? 'person' : 'representative';
}

export const contractFor = (c) => contract(signer(c), c.data.application.registration.rehabForm);

/** The violation-record fixture for a kind of Decree 116 Art. 33 (valid.json is drug use). */
export const violation = (kind) => formFixture('violation-record', kind === 'drug-use' ? 'valid' : `valid-${kind}`);

/** Electronic monitoring: an adult (valid), or a minor with the parent's consent (valid-minor). */
export const monitoring = (minor = false) => formFixture('electronic-monitoring', minor ? 'valid-minor' : 'valid');
