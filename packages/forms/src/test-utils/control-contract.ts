/**
 * The contract every control renderer honours, run by each control's own test file:
 * real label and axe-clean; value in and out (real keys); error only after blur, with `aria-invalid`
 * and `aria-describedby`; read-only and rule-disabled/hidden; locale switch; hostile text stays text.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HosoForm } from '../hoso-form.js';
import { controlAt, labelTextOf, recordChanges, renderForm, settle, shadow } from './form-fixture.js';

export interface ControlCase {
  /** The renderer's tag, asserted to be the one chosen by dispatch. */
  readonly tag: string;
  /** Schema of the property `field` (titles are added by the suite). */
  readonly schema: Record<string, unknown>;
  /** UI schema options of the control. */
  readonly options?: Record<string, unknown>;
  /** A valid value, and how the native control shows it (`value`, or `checked` state as "true"/"false"). */
  readonly value: unknown;
  readonly shown: string;
  /** Real user input, the control focused, that makes the data `value`. */
  readonly enter: (control: HTMLElement) => Promise<void>;
  /** How the native control shows a value: its `.value`, or for checkable inputs the checked label. */
  readonly read?: (control: HTMLElement, form: HosoForm) => string;
}

const TITLE = 'Trường thử';
const EN_LABEL = 'Test field';

function objectSchema(c: ControlCase, required: boolean, title = TITLE): object {
  return {
    type: 'object',
    properties: { lock: { type: 'string', title: 'Khóa' }, field: { ...c.schema, title } },
    ...(required ? { required: ['field'] } : {}),
  };
}

function uischema(c: ControlCase, rule?: object): object {
  return {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/lock' },
      {
        type: 'Control',
        scope: '#/properties/field',
        ...(c.options ? { options: c.options } : {}),
        ...(rule ? { rule } : {}),
      },
    ],
  };
}

const defaultRead = (control: HTMLElement): string => (control as HTMLInputElement).value;

async function blurByTab(control: HTMLElement): Promise<void> {
  control.focus();
  await sendKeys({ press: 'Tab' });
}

export function runControlContract(c: ControlCase): void {
  const read = c.read ?? defaultRead;

  describe(`${c.tag}: control contract`, () => {
    it('is chosen by dispatch, has a real label and is axe-clean', async () => {
      const form = await renderForm({ schema: objectSchema(c, true), uischema: uischema(c) });
      const control = controlAt(form, 'field');
      expect(control.closest(c.tag), `rendered by ${c.tag}`).to.not.equal(null);
      expect(control.id).to.not.equal('');
      expect(labelTextOf(form, control)).to.contain(TITLE);
      await expect(form).to.be.accessible();
    });

    it('shows the value it is given', async () => {
      const form = await renderForm({
        schema: objectSchema(c, false),
        uischema: uischema(c),
        data: { field: c.value },
      });
      expect(read(controlAt(form, 'field'), form)).to.equal(c.shown);
    });

    it('writes what the user enters into the data and dispatches change', async () => {
      const form = await renderForm({ schema: objectSchema(c, false), uischema: uischema(c) });
      const changes = recordChanges(form);
      const control = controlAt(form, 'field');
      control.focus();
      await c.enter(control);
      await settle(form);
      expect((form.data as { field?: unknown }).field).to.deep.equal(c.value);
      expect(changes.at(-1)).to.deep.equal(form.data);
    });

    it('shows the required error only after blur, linked by aria-describedby and aria-invalid', async () => {
      const form = await renderForm({ schema: objectSchema(c, true), uischema: uischema(c) });
      let control = controlAt(form, 'field');
      expect(control.getAttribute('aria-invalid')).to.equal(null);
      expect(shadow(form).querySelector('.error')).to.equal(null);
      await blurByTab(control);
      await settle(form);
      control = controlAt(form, 'field');
      expect(control.getAttribute('aria-invalid')).to.equal('true');
      const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
      const error = ids.map((id) => shadow(form).getElementById(id)).find((el) => el?.classList.contains('error'));
      expect(error?.textContent).to.contain('Vui lòng nhập thông tin này');
      await expect(form).to.be.accessible();
    });

    it('clears aria-invalid when the error is fixed', async () => {
      const form = await renderForm({ schema: objectSchema(c, true), uischema: uischema(c) });
      await blurByTab(controlAt(form, 'field'));
      await settle(form);
      const control = controlAt(form, 'field');
      control.focus();
      await c.enter(control);
      await settle(form);
      expect(controlAt(form, 'field').getAttribute('aria-invalid')).to.equal(null);
      expect(shadow(form).querySelector('.error')).to.equal(null);
    });

    it('is read-only in a read-only form: shows the value, user input changes nothing', async () => {
      const form = await renderForm({
        schema: objectSchema(c, false),
        uischema: uischema(c),
        data: { field: c.value },
        readonly: true,
      });
      const control = controlAt(form, 'field');
      expect(control.hasAttribute('readonly') || control.getAttribute('aria-readonly') === 'true').to.equal(true);
      const before = JSON.stringify(form.data);
      control.focus();
      await sendKeys({ type: 'x' });
      await sendKeys({ press: ' ' });
      await settle(form);
      expect(JSON.stringify(form.data)).to.equal(before);
    });

    it('is disabled, then hidden, by rules on another field typed into', async () => {
      const disable = { effect: 'DISABLE', condition: { scope: '#/properties/lock', schema: { const: 'ok' } } };
      const form = await renderForm({ schema: objectSchema(c, false), uischema: uischema(c, disable) });
      expect(controlAt(form, 'field').hasAttribute('disabled')).to.equal(false);
      controlAt(form, 'lock').focus();
      await sendKeys({ type: 'ok' });
      await settle(form);
      expect(controlAt(form, 'field').hasAttribute('disabled')).to.equal(true);

      const hide = {
        effect: 'HIDE',
        condition: {
          type: 'OR',
          conditions: [
            { scope: '#/properties/lock', schema: { const: 'an' } },
            { scope: '#/properties/lock', schema: { const: 'hide' } },
          ],
        },
      };
      const form2 = await renderForm({ schema: objectSchema(c, false), uischema: uischema(c, hide) });
      expect(form2.control('field')).to.not.equal(null);
      controlAt(form2, 'lock').focus();
      await sendKeys({ type: 'an' });
      await settle(form2);
      expect(form2.control('field')).to.equal(null);
      await sendKeys({ press: 'Backspace' });
      await settle(form2);
      expect(form2.control('field')).to.not.equal(null);
    });

    it('switches language: label and error message follow lang', async () => {
      const form = await renderForm({
        schema: objectSchema(c, true),
        uischema: uischema(c),
        messages: { en: { 'field.label': EN_LABEL } },
      });
      await blurByTab(controlAt(form, 'field'));
      await settle(form);
      expect(labelTextOf(form, controlAt(form, 'field'))).to.contain(TITLE);
      form.lang = 'en';
      await settle(form);
      const control = controlAt(form, 'field');
      expect(labelTextOf(form, control)).to.contain(EN_LABEL);
      expect(shadow(form).querySelector('.error')?.textContent).to.contain('This information is required');
      await expect(form).to.be.accessible();
    });

    it('renders hostile titles and descriptions as text, never as markup', async () => {
      const hostile = '<img src=x onerror="window.__hosoPwned=1"><script>window.__hosoPwned=1</script>';
      const schema = {
        type: 'object',
        properties: { field: { ...c.schema, title: hostile, description: hostile } },
      };
      const form = await renderForm({
        schema,
        uischema: {
          type: 'VerticalLayout',
          elements: [{ type: 'Control', scope: '#/properties/field', ...(c.options ? { options: c.options } : {}) }],
        },
      });
      await settle(form);
      const root = shadow(form);
      expect(root.querySelector('img')).to.equal(null);
      expect(root.querySelector('script')).to.equal(null);
      expect(labelTextOf(form, controlAt(form, 'field'))).to.contain('<img src=x');
      expect((window as { __hosoPwned?: number }).__hosoPwned).to.equal(undefined);
    });
  });
}
