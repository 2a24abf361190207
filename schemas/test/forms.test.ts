/**
 * Every form under schemas/, rendered by `<hoso-form>` in a real browser with its generated schema, UI schema,
 * messages and precompiled validators (schemas/generated, from `hoso build`), against its fixtures
 * (schemas/generated/fixtures.js): each valid fixture is axe-clean and `checkValidity()` is true; each invalid
 * fixture makes `validate()` false and the field at the expectation's path shows an error in Vietnamese and, after
 * switching the form to English, a different English one. Forms added later are picked up without editing this file.
 * One page; forms are rendered one after another.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { UISchemaElement } from '@jsonforms/core';
import { forms } from '../generated/index.js';
import { fixtures, type Fixture } from '../generated/fixtures.js';
import type { HosoForm } from '../../packages/forms/src/hoso-form.js';
import '../../packages/forms/src/index.js';

type FormModule = Awaited<ReturnType<(typeof forms)[keyof typeof forms]>>;

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

async function settle(form: HosoForm): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await form.updateComplete;
    await frame();
  }
}

async function render(mod: FormModule, data: unknown, lang: string): Promise<HosoForm> {
  const form = await fixture<HosoForm>(
    html`<hoso-form
      lang=${lang}
      .schema=${mod.schema}
      .uischema=${mod.uischema as unknown as UISchemaElement}
      .messages=${mod.messages}
      .validators=${mod.validators}
      .data=${structuredClone(data)}
    ></hoso-form>`,
  );
  await settle(form);
  return form;
}

/** How many wizard steps the form may have (categories of a root Categorization), else 1. */
function stepCount(mod: FormModule): number {
  const ui = mod.uischema as { type: string; elements?: unknown[] };
  return ui.type === 'Categorization' ? (ui.elements?.length ?? 1) : 1;
}

/** The text of the error element a native control points at (`aria-describedby`), or ''. */
function controlError(form: HosoForm, control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const error = ids.map((id) => form.shadowRoot!.getElementById(id)).find((el) => el?.classList.contains('error'));
  return error?.textContent?.trim() ?? '';
}

/** The translated label of a field, as the error summary names a field that has no control. */
/** The message key of a data path: the path without array indices. */
const key = (path: string): string =>
  path
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .join('.');

function fieldLabel(mod: FormModule, path: string, lang: 'vi' | 'en'): string | undefined {
  let schema = mod.schema as { title?: string; properties?: Record<string, unknown>; items?: unknown } | undefined;
  for (const segment of path.split('.')) {
    schema = (/^\d+$/.test(segment) ? schema?.items : schema?.properties?.[segment]) as typeof schema;
  }
  return mod.messages[lang][`${key(path)}.label`] ?? schema?.title;
}

/**
 * The error a person sees for `path`: the error of its native control (a control that exists must show it); for
 * a path with no control of its own (an item of a multi-select, a whole object or list), the error of the closest
 * ancestor's control, else the error summary's entry for that field (a link, or the text naming its label).
 */
function errorAt(
  form: HosoForm,
  mod: FormModule,
  { path, keyword }: { path: string; keyword: string },
  lang: 'vi' | 'en',
): { where: string; text: string } | undefined {
  const own = form.control(path);
  if (own) {
    const text = controlError(form, own);
    return text ? { where: `control ${path}`, text } : undefined;
  }
  const segments = path.split('.');
  for (let n = segments.length - 1; n > 0; n--) {
    const ancestor = segments.slice(0, n).join('.');
    const control = form.control(ancestor);
    const text = control ? controlError(form, control) : '';
    if (text) return { where: `control ${ancestor}`, text };
  }
  const root = form.shadowRoot!;
  const link = [...root.querySelectorAll<HTMLElement>('[data-error-path]')].find(
    (a) => a.dataset['errorPath'] === path,
  );
  if (link?.textContent?.trim()) return { where: 'summary link', text: link.textContent.trim() };
  // A summary item naming the field (its label), or carrying the field's own message for this error.
  const label = fieldLabel(mod, path, lang);
  const message = mod.messages[lang][`${key(path)}.error.${keyword}`];
  const item = [...root.querySelectorAll<HTMLElement>('.error-summary li')]
    .map((li) => li.textContent?.trim() ?? '')
    .find((text) => (label && text.startsWith(`${label}:`)) || (message && text.includes(message)));
  return item ? { where: 'summary', text: item } : undefined;
}

/** Validates, then walks the wizard steps until the error for `path` is on screen. */
async function findError(
  form: HosoForm,
  mod: FormModule,
  expected: { path: string; keyword: string },
  lang: 'vi' | 'en',
): Promise<{ where: string; text: string }> {
  const found = errorAt(form, mod, expected, lang);
  if (found) return found;
  for (let step = 0; step < stepCount(mod); step++) {
    form.step = step;
    await settle(form);
    const atStep = errorAt(form, mod, expected, lang);
    if (atStep) return atStep;
  }
  const summary = form.shadowRoot!.querySelector('.error-summary')?.textContent?.replace(/\s+/g, ' ').trim();
  throw new Error(
    `no ${lang} error shown for "${expected.path}" (at its control, an ancestor's, or in the summary) on any step. ` +
      `Summary: ${summary ?? '(none)'}`,
  );
}

const ids = Object.keys(forms).sort();

describe('every form in schemas/ renders its fixtures', () => {
  it('has a fixtures entry for every generated form, and at least one valid fixture each', () => {
    expect(ids.length).to.be.greaterThan(0);
    for (const id of ids) {
      expect(fixtures[id], `fixtures of ${id}`).to.be.an('array');
      expect(
        fixtures[id]!.some((f) => f.kind === 'valid'),
        `${id} has no fixtures/valid*.json`,
      ).to.equal(true);
    }
  });

  for (const id of ids) {
    describe(id, () => {
      let mod: FormModule;
      before(async () => {
        mod = await forms[id as keyof typeof forms]();
      });
      const list: readonly Fixture[] = fixtures[id] ?? [];
      for (const f of list.filter((x) => x.kind === 'valid')) {
        it(`${f.file}: valid, axe-clean`, async () => {
          const form = await render(mod, f.data, 'vi');
          const errors = form.errors.map((e) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`);
          expect(form.checkValidity(), `errors: ${errors.join('; ')}`).to.equal(true);
          await expect(form).to.be.accessible();
        });
      }
      for (const f of list.filter((x) => x.kind === 'invalid')) {
        const { path, keyword } = f.expect!;
        it(`${f.file}: invalid at ${path} (${keyword}), error shown in vi and en`, async () => {
          const form = await render(mod, f.data, 'vi');
          expect(form.checkValidity()).to.equal(false);
          expect(form.validate()).to.equal(false);
          await settle(form);
          const vi = await findError(form, mod, f.expect!, 'vi');
          expect(vi.text, `vi error at ${path}`).not.to.equal('');
          form.lang = 'en';
          await settle(form);
          expect(form.validate(), 'validate() in English').to.equal(false); // also rebuilds the summary in English
          await settle(form);
          const en = await findError(form, mod, f.expect!, 'en');
          expect(en.text, `en error at ${path}`).not.to.equal('');
          expect(en.text, `the English error at ${path} differs from the Vietnamese one`).not.to.equal(vi.text);
        });
      }
    });
  }
});
