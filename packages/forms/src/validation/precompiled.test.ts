// Runs without '@hoso/forms/runtime': the form must live on the validators it is given.
import { expect, fixture, html } from '@open-wc/testing';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { sendKeys } from '@web/test-runner-commands';
import '../hoso-form.js';
import type { HosoForm } from '../hoso-form.js';
import type { ValidateFunction } from './ajv-like.js';
import { createPrecompiledAjv, MissingValidatorError } from './precompiled.js';
import { schemaKey } from './schema-key.js';

// In the test only, a real compiler stands in for `hoso build` to produce the map.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
addFormats(ajv);
const build = (...schemas: object[]): Record<string, ValidateFunction> =>
  Object.fromEntries(schemas.map((s) => [schemaKey(s), ajv.compile(s) as ValidateFunction]));

const condition = { const: 'yes' };
const schema = {
  $id: 'https://hoso.example/test/guardian.json',
  type: 'object',
  properties: {
    minor: { type: 'string', title: 'Người chưa thành niên', enum: ['yes', 'no'] },
    guardian: { type: 'string', title: 'Người giám hộ', minLength: 2 },
  },
  required: ['minor'],
};
const uischema = {
  type: 'VerticalLayout',
  elements: [
    { type: 'Control', scope: '#/properties/minor' },
    {
      type: 'Control',
      scope: '#/properties/guardian',
      rule: { effect: 'SHOW', condition: { scope: '#/properties/minor', schema: condition } },
    },
  ],
};

describe('createPrecompiledAjv', () => {
  it('finds a validator by schemaKey for an equal schema object and caches it by identity', () => {
    const validators = build(schema);
    const adapter = createPrecompiledAjv(validators);
    const copy = JSON.parse(JSON.stringify(schema)) as object;
    const fn = adapter.compile(copy);
    expect(fn).to.equal(validators[schemaKey(schema)]);
    expect(adapter.compile(copy)).to.equal(fn);
    expect(adapter.validate(copy, { minor: 'no' })).to.equal(true);
    expect(adapter.validate(copy, {})).to.equal(false);
    expect(adapter.errors?.[0]?.keyword).to.equal('required');
  });

  it('names the schema and its key when a validator is missing', () => {
    const adapter = createPrecompiledAjv({});
    let error: unknown;
    try {
      adapter.compile(schema);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(MissingValidatorError);
    const message = (error as Error).message;
    expect(message).to.contain('"https://hoso.example/test/guardian.json"');
    expect(message).to.contain('schemaKey starts');
    expect(message).to.contain('hoso build');
    expect(() => adapter.validate({ title: 'Điều kiện', const: 1 }, 1)).to.throw(/titled "Điều kiện"/);
  });
});

describe('<hoso-form> on precompiled validators (no compiler loaded)', () => {
  it('validates and evaluates schema-based rules with the given validators only', async () => {
    const form = await fixture<HosoForm>(
      html`<hoso-form .schema=${schema} .uischema=${uischema} .validators=${build(schema, condition)}></hoso-form>`,
    );
    await form.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    expect(form.control('guardian')).to.equal(null);
    const minor = form.control('minor') as HTMLInputElement;
    minor.focus();
    await sendKeys({ press: ' ' });
    await new Promise((r) => setTimeout(r, 20));
    expect(form.data).to.deep.equal({ minor: 'yes' });
    expect(form.control('guardian')).to.not.equal(null);
    expect(form.validate()).to.equal(true);
  });

  it('fails with a clear message when neither validators nor the runtime entry are given', async () => {
    const form = document.createElement('hoso-form');
    form.schema = schema;
    let error: unknown;
    try {
      document.body.append(form);
      await form.updateComplete;
    } catch (e) {
      error = e;
    } finally {
      form.remove();
    }
    expect(String(error)).to.contain('no validators');
    expect(String(error)).to.contain('@hoso/forms/runtime');
  });
});
