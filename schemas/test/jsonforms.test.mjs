// The generated modules driven by @jsonforms/core 3.8 itself, on precompiled validators only (no compiler):
// init validates, errors land on the right paths, every rule evaluates, every scope resolves.
// Run after `hoso build`: node --test schemas/test/
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const formsPkg = join(schemasDir, '..', 'packages', 'forms');
const { Actions, coreReducer, isVisible, isEnabled, Resolve } = createRequire(join(formsPkg, 'package.json'))(
  '@jsonforms/core',
);
const { createPrecompiledAjv } = await import(pathToFileURL(join(formsPkg, 'dist', 'validation', 'index.js')).href);
const mod = await import(pathToFileURL(join(schemasDir, 'generated', 'voluntary-rehab', 'registration.js')).href);
const fixture = (name) =>
  JSON.parse(readFileSync(join(schemasDir, 'voluntary-rehab', 'registration', 'fixtures', name), 'utf8'));

const init = (data) =>
  coreReducer(undefined, Actions.init(data, mod.schema, mod.uischema, { ajv: createPrecompiledAjv(mod.validators) }));

/** Every UI schema element with a rule, with the data path its scopes are relative to. */
function ruled(element, out = []) {
  if (element.rule) out.push(element);
  for (const child of element.elements ?? []) ruled(child, out);
  return out;
}

const category = (i18n) => mod.uischema.elements.find((c) => c.i18n === i18n);

describe('voluntary-rehab/registration under @jsonforms/core', () => {
  it('validates the valid fixture with no errors', () => {
    assert.deepEqual(init(fixture('valid.json')).errors, []);
  });

  it('puts the phone pattern error on /residence/phone', () => {
    const errors = init(fixture('invalid-phone.json')).errors;
    assert.ok(
      errors.some((e) => e.instancePath === '/residence/phone' && e.keyword === 'pattern'),
      JSON.stringify(errors),
    );
  });

  it('evaluates every rule on precompiled condition validators', () => {
    const ajv = createPrecompiledAjv(mod.validators);
    for (const data of [fixture('valid.json'), fixture('valid-minor-home.json'), {}]) {
      for (const el of ruled(mod.uischema)) {
        assert.doesNotThrow(() => isVisible(el, data, '', ajv) && isEnabled(el, data, '', ajv));
      }
    }
  });

  it('shows the representative step only for a representative of a person aged 12 to under 18', () => {
    const ajv = createPrecompiledAjv(mod.validators);
    const step = category('step.representative');
    assert.equal(isVisible(step, fixture('valid.json'), '', ajv), false);
    assert.equal(isVisible(step, fixture('valid-minor-home.json'), '', ajv), true);
    assert.equal(isVisible(step, { applicant: { role: 'representative', ageGroup: 'adult' } }, '', ajv), false);
    assert.equal(isVisible(step, {}, '', ajv), false);
  });

  it('shows the service provider for home OR community, the facility name for a facility', () => {
    const ajv = createPrecompiledAjv(mod.validators);
    const els = category('step.registration').elements;
    const provider = els.find((e) => e.scope?.endsWith('/serviceProvider'));
    const facility = els.find((e) => e.scope?.endsWith('/facilityName'));
    for (const [form, p, f] of [
      ['home', true, false],
      ['community', true, false],
      ['facility', false, true],
    ]) {
      const data = { registration: { rehabForm: form } };
      assert.equal(isVisible(provider, data, '', ajv), p, form);
      assert.equal(isVisible(facility, data, '', ajv), f, form);
    }
  });

  it('enables the previous-rehab count only when there was a previous rehab', () => {
    const ajv = createPrecompiledAjv(mod.validators);
    const row = category('step.drugUse').elements.find((e) =>
      e.elements?.some((c) => c.scope?.endsWith('/previousRehabCount')),
    );
    const count = row.elements[1];
    assert.equal(isEnabled(count, { drugUse: { previousRehab: true } }, '', ajv), true);
    assert.equal(isEnabled(count, { drugUse: { previousRehab: false } }, '', ajv), false);
  });

  it('resolves every control scope with JSON Forms own resolver, array details against their items', () => {
    let count = 0;
    const check = (element, schema) => {
      if (element.type === 'Control') {
        const resolved = Resolve.schema(schema, element.scope, mod.schema);
        assert.ok(resolved, element.scope);
        count++;
        if (element.options?.detail) check(element.options.detail, resolved.items);
      }
      for (const child of element.elements ?? []) check(child, schema);
    };
    check(mod.uischema, mod.schema);
    assert.ok(count > 40, `${count} controls`);
  });
});
