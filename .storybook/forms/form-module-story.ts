/**
 * Stories for the real forms of schemas/ (one story file per form, generated into .storybook/forms/generated/ by
 * generate.mjs): each renders `<hoso-form>` with the form's generated module (bundled schema, UI schema, vi/en
 * messages, precompiled validators) and one of its fixtures from schemas/generated/fixtures.js. An invalid
 * fixture runs `validate()` after the first render so every error and the summary show, and a wizard moves to
 * the step holding the field its `.expect.json` names. Language: the toolbar locale, or the `lang` arg.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { UISchemaElement } from '@jsonforms/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../../packages/forms/src/index.js';
import type { HosoForm } from '../../packages/forms/src/hoso-form.js';
import type { ValidateFunction } from '../../packages/forms/src/validation/ajv-like.js';
import { fixtures } from '../../schemas/generated/fixtures.js';

/** The generated module of one form (schemas/generated/<procedure>/<form>.js). */
export interface FormModule {
  readonly id: string;
  readonly schema: { readonly title?: string; readonly [keyword: string]: unknown };
  readonly uischema: { readonly type: string; readonly [key: string]: unknown };
  readonly messages: { readonly vi: Readonly<Record<string, string>>; readonly en: Readonly<Record<string, string>> };
  readonly validators: Readonly<Record<string, ValidateFunction>>;
}

export interface FormModuleArgs {
  /** '' inherits the toolbar locale. */
  lang: '' | 'vi' | 'en';
}

/** The parts of a form story file's default export that do not need to be static (title is written literally). */
export function formMeta(mod: FormModule): Omit<Meta<FormModuleArgs>, 'title'> {
  return {
    component: 'hoso-form',
    args: { lang: '' },
    argTypes: {
      lang: {
        control: 'inline-radio',
        options: ['', 'vi', 'en'],
        description: '`lang` on <hoso-form> (empty: the toolbar locale)',
      },
    },
    parameters: { docs: { description: { component: `${mod.id}: ${mod.schema.title ?? ''}` } } },
  };
}

/** Number of wizard steps (categories of a root Categorization), else 1. */
function steps(mod: FormModule): number {
  return mod.uischema.type === 'Categorization'
    ? ((mod.uischema['elements'] as unknown[] | undefined)?.length ?? 1)
    : 1;
}

const shown = new WeakSet<Element>();

/** After the first render: submit-style validation, then the wizard step that holds `path` (if any does). */
function showErrors(mod: FormModule, path: string) {
  return ref((el) => {
    if (!el || shown.has(el)) return;
    shown.add(el);
    const form = el as HosoForm;
    void (async () => {
      await form.updateComplete;
      form.validate();
      for (let step = 0; step < steps(mod) && !form.control(path); step++) {
        form.step = step;
        await form.updateComplete;
      }
      form.dataset['errorsShown'] = 'true'; // for scripts/storybook-smoke.mjs
    })();
  });
}

function render(mod: FormModule, data: unknown, state: string, expectPath: string | undefined, lang: string) {
  return html`<hoso-form
    .schema=${mod.schema}
    .uischema=${mod.uischema as unknown as UISchemaElement}
    .messages=${mod.messages}
    .validators=${mod.validators}
    .data=${structuredClone(data)}
    lang=${lang || nothing}
    data-state=${state}
    data-expect-path=${expectPath ?? nothing}
    ${expectPath ? showErrors(mod, expectPath) : nothing}
  ></hoso-form>`;
}

/** A story showing `file` (a fixture of `mod`), or the empty form when `file` is null. */
export function formStory(mod: FormModule, file: string | null): StoryObj<FormModuleArgs> {
  const fixture = file === null ? undefined : fixtures[mod.id]?.find((f) => f.file === file);
  if (file !== null && !fixture) {
    throw new Error(`${mod.id} has no fixture ${file}: run node packages/cli/bin/hoso.mjs build`);
  }
  const state = !fixture ? 'empty' : fixture.kind === 'valid' ? 'fixture-valid' : 'fixture-invalid';
  return {
    render: (args): TemplateResult => render(mod, fixture?.data ?? {}, state, fixture?.expect?.path, args.lang),
    parameters: fixture?.expect
      ? { docs: { description: { story: `${file}: ${fixture.expect.path} (${fixture.expect.keyword})` } } }
      : {},
  };
}
