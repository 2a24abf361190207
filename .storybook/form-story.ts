// Helpers shared by every story: one `<hoso-form>` template driven by args, and the states matrix
// (empty, filled, invalid, disabled, readonly × vi/en) each renderer story shows.
//
// A story file describes its renderer with a `FormFixture` (schema, optional UI schema, filled data, invalid
// data) — the same inline fixtures its tests use — and gets `render`, `args` and `argTypes` from here.
import { Generate, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import type { ArgTypes } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
// The run-time entry registers <hoso-form>, every renderer and the ajv compiler for inline fixtures.
import '../packages/forms/src/runtime.js';
import type { HosoForm } from '../packages/forms/src/hoso-form.js';
import type { Messages } from '../packages/forms/src/i18n/locale.js';
import type { ValidateFunction } from '../packages/forms/src/validation/ajv-like.js';
import { schemaKey } from '../packages/forms/src/validation/schema-key.js';

/** What a story needs to show a renderer. */
export interface FormFixture {
  readonly schema: JsonSchema;
  /** A JSON Forms UI schema (plain JSON: rule effects as strings); omitted: generated from the schema. */
  readonly uischema?: UISchemaElement | object;
  /** Data that fills every field validly. */
  readonly filled: unknown;
  /** Data with at least one error the renderer shows. */
  readonly invalid: unknown;
  readonly messages?: Messages;
  /** Precompiled validators (generated modules); without them the run-time compiler is used. */
  readonly validators?: Readonly<Record<string, ValidateFunction>>;
}

export type FormState = 'empty' | 'filled' | 'invalid';

/** The args every form story exposes as controls. */
export interface FormArgs {
  state: FormState;
  readonly: boolean;
  disabled: boolean;
  /** '' inherits the toolbar locale. */
  lang: '' | 'vi' | 'en';
}

export const defaultArgs: FormArgs = { state: 'filled', readonly: false, disabled: false, lang: '' };

export const formArgTypes: Partial<ArgTypes<FormArgs>> = {
  state: {
    control: 'inline-radio',
    options: ['empty', 'filled', 'invalid'],
    description: 'Data shown: none, valid, or invalid with every error shown (as after submit)',
  },
  readonly: { control: 'boolean', description: '`readonly` on <hoso-form>' },
  disabled: { control: 'boolean', description: 'A DISABLE rule on the root layout' },
  lang: {
    control: 'inline-radio',
    options: ['', 'vi', 'en'],
    description: '`lang` on <hoso-form> (empty: the toolbar locale)',
  },
};

const validated = new WeakSet<Element>();

/** After the first render, run submit-style validation so every error (and the summary) shows. */
const showErrors = ref((el) => {
  if (!el || validated.has(el)) return;
  validated.add(el);
  const form = el as HosoForm;
  void form.updateComplete.then(() => {
    form.validate();
  });
});

/** The condition of the "disabled" state: the empty schema, which every value satisfies. */
const ALWAYS: JsonSchema = {};

/** The UI schema wrapped in a vertical layout whose rule always disables it. */
function disabledUischema(fixture: FormFixture): UISchemaElement {
  const inner = (fixture.uischema as UISchemaElement | undefined) ?? Generate.uiSchema(fixture.schema);
  return {
    type: 'VerticalLayout',
    elements: [inner],
    rule: { effect: 'DISABLE', condition: { scope: '#', schema: ALWAYS } },
  } as UISchemaElement;
}

/** Precompiled validators plus the (trivial) one for the DISABLE rule's empty-schema condition. */
function validatorsFor(fixture: FormFixture, disabled: boolean): FormFixture['validators'] {
  if (!fixture.validators || !disabled) return fixture.validators;
  const always: ValidateFunction = () => true;
  return { ...fixture.validators, [schemaKey(ALWAYS)]: always };
}

function dataFor(fixture: FormFixture, state: FormState): unknown {
  const source = state === 'empty' ? {} : state === 'filled' ? fixture.filled : fixture.invalid;
  return structuredClone(source);
}

/** One `<hoso-form>` showing `fixture` in the state `args` describe. */
export function renderForm(fixture: FormFixture, args: Partial<FormArgs> = {}): TemplateResult {
  const a = { ...defaultArgs, ...args };
  const uischema = a.disabled ? disabledUischema(fixture) : (fixture.uischema as UISchemaElement | undefined);
  return html`<hoso-form
    .schema=${fixture.schema}
    .uischema=${uischema}
    .data=${dataFor(fixture, a.state)}
    .messages=${fixture.messages}
    .validators=${validatorsFor(fixture, a.disabled)}
    ?readonly=${a.readonly}
    lang=${a.lang || nothing}
    data-state=${a.state}
    data-disabled=${a.disabled ? 'true' : nothing}
    ${a.state === 'invalid' ? showErrors : nothing}
  ></hoso-form>`;
}

const ROWS: readonly { label: string; args: Partial<FormArgs> }[] = [
  { label: 'empty', args: { state: 'empty' } },
  { label: 'filled', args: { state: 'filled' } },
  { label: 'invalid', args: { state: 'invalid' } },
  { label: 'disabled', args: { state: 'filled', disabled: true } },
  { label: 'readonly', args: { state: 'filled', readonly: true } },
];

/** Every state in Vietnamese and English side by side. */
export function statesMatrix(fixture: FormFixture): TemplateResult {
  return html`<table class="hoso-states">
    <thead>
      <tr>
        <th scope="col">state</th>
        <th scope="col" lang="vi">vi</th>
        <th scope="col" lang="en">en</th>
      </tr>
    </thead>
    <tbody>
      ${ROWS.map(
        (row) =>
          html`<tr data-row=${row.label}>
            <th scope="row">${row.label}</th>
            <td lang="vi">${renderForm(fixture, { ...row.args, lang: 'vi' })}</td>
            <td lang="en">${renderForm(fixture, { ...row.args, lang: 'en' })}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
