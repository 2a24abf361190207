/**
 * Test helper shared by the per-procedure form tests: mounts `<hoso-form>` with a generated form module (schema,
 * UI schema, messages, precompiled validators) and fixture data, and waits until it and its array rows have settled.
 */
import { fixture, html } from '@open-wc/testing';
import type { UISchemaElement } from '@jsonforms/core';
import type { HosoForm } from '../../packages/forms/src/hoso-form.js';
import { settled } from '../../packages/forms/src/renderers/arrays/array-control.js';
import '../../packages/forms/src/index.js';

/** What a generated form module (`schemas/generated/<procedure>/<form>.js`) gives a form. */
export interface FormModule {
  schema: unknown;
  uischema: unknown;
  messages: unknown;
  validators: unknown;
}

/** Waits for the form's updates and its array controls' rows, three rounds (rules may add fields). */
export async function settle(form: HosoForm): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await form.updateComplete;
    await settled(form.shadowRoot!.querySelector('.form')!);
  }
}

/** Mounts the form with a copy of `data` in `lang` and waits until it has settled. */
export async function render(mod: FormModule, data: unknown, lang = 'vi'): Promise<HosoForm> {
  const form = await fixture<HosoForm>(
    html`<hoso-form
      lang=${lang}
      .schema=${mod.schema}
      .uischema=${mod.uischema as UISchemaElement}
      .messages=${mod.messages}
      .validators=${mod.validators}
      .data=${structuredClone(data)}
    ></hoso-form>`,
  );
  await settle(form);
  return form;
}
