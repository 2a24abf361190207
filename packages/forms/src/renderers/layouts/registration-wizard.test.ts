/**
 * The real voluntary-rehab registration form (schemas/voluntary-rehab/registration, precompiled
 * validators from schemas/generated) through the layouts, the array and the wizard.
 */
import { expect, fixture, html } from '@open-wc/testing';
import * as registration from '../../../../../schemas/generated/voluntary-rehab/registration.js';
import valid from '../../../../../schemas/voluntary-rehab/registration/fixtures/valid.json';
import minor from '../../../../../schemas/voluntary-rehab/registration/fixtures/valid-minor-home.json';
import noCurrentAddress from '../../../../../schemas/voluntary-rehab/registration/fixtures/invalid-current-address-missing.json';
import type { HosoForm } from '../../hoso-form.js';
import type { UISchemaElement } from '@jsonforms/core';
import type { HosoStepChangeEvent } from '../../events/step-change-event.js';
import { settled } from '../arrays/array-control.js';
import '../../index.js';

const settle = async (form: HosoForm): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await form.updateComplete;
    await settled(form.shadowRoot!.querySelector('.form')!);
  }
};
const heading = (form: HosoForm): string =>
  form.shadowRoot!.querySelector('.wizard-heading')?.textContent?.trim() ?? '';
const steps = (form: HosoForm): number => form.shadowRoot!.querySelectorAll('.wizard-steps li').length;

async function render(data: unknown, lang = 'vi'): Promise<HosoForm> {
  const form = await fixture<HosoForm>(
    html`<hoso-form
      lang=${lang}
      .schema=${registration.schema}
      .uischema=${registration.uischema as unknown as UISchemaElement}
      .messages=${registration.messages}
      .validators=${registration.validators}
      .data=${structuredClone(data)}
    ></hoso-form>`,
  );
  await settle(form);
  return form;
}

describe('registration form as a wizard', () => {
  let errors: unknown[][] = [];
  const original = console.error;
  beforeEach(() => {
    errors = [];
    console.error = (...args: unknown[]) => errors.push(args);
  });
  afterEach(() => {
    console.error = original;
  });

  it('walks every visible step of a valid application with Next, skipping the hidden representative step', async () => {
    const form = await render(valid);
    const seen: string[] = [];
    const events: number[] = [];
    form.addEventListener('hoso-step-change', (e: HosoStepChangeEvent) => events.push(e.step));
    expect(steps(form)).to.equal(6); // 7 categories, "Người đại diện hợp pháp" hidden for an adult applying himself
    await expect(form).to.be.accessible();
    for (;;) {
      seen.push(heading(form));
      expect(form.shadowRoot!.querySelector('.step-errors'), `errors on step "${heading(form)}"`).to.equal(null);
      const next = form.shadowRoot!.querySelector<HTMLButtonElement>('button.next');
      if (!next) break;
      next.click();
      await settle(form);
    }
    expect(seen).to.have.length(6);
    expect(seen).not.to.include('Người đại diện hợp pháp');
    expect(events).to.deep.equal([1, 2, 3, 5, 6]);
    // Last step reached; the family step had the array with indexed paths.
    form.step = 5;
    await settle(form);
    expect(heading(form)).to.equal('Gia đình');
    expect((form.control('family.1.fullName') as HTMLInputElement).value).to.equal('Trần Thị Cúc');
    expect(form.shadowRoot!.querySelector('button.remove')?.textContent?.trim()).to.equal('Xóa mục 1');
    await expect(form).to.be.accessible();
    expect(errors.filter((args) => String(args[0]).includes('no renderer'))).to.deep.equal([]);
  });

  it('shows the representative step for a minor registered by a representative, in English', async () => {
    const form = await render(minor, 'en');
    expect(steps(form)).to.equal(7);
    form.step = 4;
    await settle(form);
    expect(heading(form)).to.equal(registration.messages.en['step.representative.label']);
    expect(form.shadowRoot!.querySelector('.wizard-progress')?.textContent).to.equal('Step 5 of 7');
  });

  it('keeps an empty application on the first step with its errors listed', async () => {
    const form = await render({});
    form.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
    await settle(form);
    expect(form.step).to.equal(0);
    const links = form.shadowRoot!.querySelectorAll('.step-errors a');
    expect(links.length).to.be.greaterThan(0);
    expect(form.shadowRoot!.activeElement).to.equal(form.shadowRoot!.querySelector('.step-errors'));
  });

  it('a missing current address: the summary link shows its step and focuses its first field, which shows the error', async () => {
    const form = await render(noCurrentAddress);
    expect(form.validate()).to.equal(false);
    await settle(form);
    await settle(form);
    const link = form.shadowRoot!.querySelector<HTMLAnchorElement>(
      '.error-summary a[data-error-path="residence.currentAddress"]',
    );
    expect(link, 'summary link for the missing current address').to.not.equal(null);
    expect(form.step).to.equal(0);
    link!.click();
    await settle(form);
    await settle(form);
    const province = form.control('residence.currentAddress.provinceCode')!;
    expect(form.shadowRoot!.activeElement).to.equal(province);
    expect(province.getAttribute('aria-invalid')).to.equal('true');
    const group = province.closest('fieldset.group')!;
    // the form's own message for this error, under the group's legend
    expect(group.querySelector('.group-error')?.textContent?.trim()).to.equal(
      registration.messages.vi['residence.currentAddress.error.required'],
    );
    expect(form.data).to.deep.equal(noCurrentAddress); // nothing written into the data
    await expect(form).to.be.accessible();
  });
});
