/**
 * Every error a submit finds is shown somewhere a person can reach: a missing required object's fields show
 * their own errors (the data is not changed), the group over that object says so under its legend, and the
 * error summary keeps up with fixes while it is shown.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './runtime.js';
import type { HosoForm } from './hoso-form.js';
import { controlAt, renderForm, settle, shadow } from './test-utils/form-fixture.js';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Họ tên người bị quản lý' },
    manager: {
      type: 'object',
      title: 'Người được giao quản lý',
      properties: {
        fullName: { type: 'string', title: 'Họ tên người quản lý', minLength: 2 },
        position: { type: 'string', title: 'Chức vụ' },
        phone: { type: 'string', title: 'Điện thoại' },
      },
      required: ['fullName', 'position'],
    },
  },
  required: ['name', 'manager'],
};
const uischema = {
  type: 'VerticalLayout',
  elements: [
    { type: 'Control', scope: '#/properties/name' },
    {
      type: 'Group',
      label: 'Người được giao quản lý',
      i18n: 'group.manager',
      elements: [
        { type: 'Control', scope: '#/properties/manager/properties/fullName' },
        { type: 'Control', scope: '#/properties/manager/properties/position' },
        { type: 'Control', scope: '#/properties/manager/properties/phone' },
      ],
    },
  ],
};
const messages = {
  en: {
    'name.label': 'Name of the managed person',
    'group.manager.label': 'Assigned manager',
    'manager.fullName.label': "Manager's full name",
    'manager.position.label': 'Position',
    'manager.phone.label': 'Phone',
  },
};

const summaryLinks = (form: HosoForm): HTMLAnchorElement[] => [
  ...shadow(form).querySelectorAll<HTMLAnchorElement>('.error-summary a'),
];
const linkTexts = (form: HosoForm): string[] => summaryLinks(form).map((a) => a.textContent?.trim() ?? '');
const errorOf = (form: HosoForm, path: string): string => {
  const control = controlAt(form, path);
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .map((id) => shadow(form).getElementById(id))
    .filter((el) => el?.classList.contains('error'))
    .map((el) => el?.textContent?.trim())
    .join(' ');
};

async function submitted(data: unknown, lang = 'vi'): Promise<HosoForm> {
  const form = await renderForm({ schema, uischema, data, lang, messages });
  expect(form.validate()).to.equal(false);
  await settle(form);
  await settle(form);
  return form;
}

describe('<hoso-form> a missing required object', () => {
  it('shows the errors of its fields and of its group, lists them in the summary, and leaves the data alone', async () => {
    const form = await submitted({ name: 'Đỗ Văn Dũng' });
    expect(form.data).to.deep.equal({ name: 'Đỗ Văn Dũng' });
    expect(form.errors.map((e) => `${e.keyword} ${JSON.stringify(e.params)}`)).to.deep.equal([
      'required {"missingProperty":"manager"}',
    ]);
    expect(controlAt(form, 'manager.fullName').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(form, 'manager.fullName')).to.equal('Vui lòng nhập thông tin này');
    expect(errorOf(form, 'manager.position')).to.equal('Vui lòng nhập thông tin này');
    expect(controlAt(form, 'manager.phone').hasAttribute('aria-invalid')).to.equal(false);
    const group = shadow(form).querySelector<HTMLFieldSetElement>('fieldset.group')!;
    const groupError = group.querySelector('.group-error')!;
    expect(groupError.previousElementSibling?.tagName).to.equal('LEGEND');
    expect(groupError.textContent?.trim()).to.equal('Vui lòng nhập thông tin này');
    expect(group.getAttribute('aria-describedby')).to.equal(groupError.id);
    expect(linkTexts(form)).to.deep.equal([
      'Người được giao quản lý: Vui lòng nhập thông tin này',
      'Họ tên người quản lý: Vui lòng nhập thông tin này',
      'Chức vụ: Vui lòng nhập thông tin này',
    ]);
    expect(summaryLinks(form)[0]!.dataset['errorPath']).to.equal('manager');
    await expect(form).to.be.accessible();
  });

  it('says it in English, never in ajv English', async () => {
    const form = await submitted({ name: 'Đỗ Văn Dũng' }, 'en');
    expect(errorOf(form, 'manager.fullName')).to.equal('This information is required');
    expect(linkTexts(form)[0]).to.equal('Assigned manager: This information is required');
    expect(shadow(form).querySelector('.group-error')?.textContent?.trim()).to.equal('This information is required');
  });

  it('the shown summary follows a change of language', async () => {
    const form = await submitted({ name: 'Đỗ Văn Dũng' });
    form.lang = 'en';
    await settle(form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(form);
    expect(linkTexts(form)).to.deep.equal([
      'Assigned manager: This information is required',
      "Manager's full name: This information is required",
      'Position: This information is required',
    ]);
  });

  it('the summary link goes to the first invalid field; typing creates the object and the summary drops what is fixed', async () => {
    const form = await submitted({ name: 'Đỗ Văn Dũng' });
    summaryLinks(form)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(shadow(form).activeElement).to.equal(controlAt(form, 'manager.fullName'));
    await sendKeys({ type: 'Lý Văn Hùng' });
    await settle(form);
    await settle(form);
    expect(form.data).to.deep.equal({ name: 'Đỗ Văn Dũng', manager: { fullName: 'Lý Văn Hùng' } });
    expect(errorOf(form, 'manager.fullName')).to.equal('');
    expect(errorOf(form, 'manager.position')).to.equal('Vui lòng nhập thông tin này');
    expect(shadow(form).querySelector('.group-error')).to.equal(null);
    expect(linkTexts(form)).to.deep.equal(['Chức vụ: Vui lòng nhập thông tin này']);
    controlAt(form, 'manager.position').focus();
    await sendKeys({ type: 'Trưởng Công an xã' });
    await settle(form);
    await settle(form);
    expect(shadow(form).querySelector('.error-summary')).to.equal(null);
    expect(form.checkValidity()).to.equal(true);
  });

  it('laid out without a Group, its summary entry links to its first field', async () => {
    const flat = {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/name' },
        { type: 'Control', scope: '#/properties/manager/properties/position' },
        { type: 'Control', scope: '#/properties/manager/properties/fullName' },
      ],
    };
    const form = await renderForm({ schema, uischema: flat, data: { name: 'Đỗ Văn Dũng' } });
    form.validate();
    await settle(form);
    await settle(form);
    expect(linkTexts(form)).to.deep.equal([
      'Người được giao quản lý: Vui lòng nhập thông tin này',
      'Chức vụ: Vui lòng nhập thông tin này',
      'Họ tên người quản lý: Vui lòng nhập thông tin này',
    ]);
    summaryLinks(form)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(shadow(form).activeElement).to.equal(controlAt(form, 'manager.position'));
  });

  it('shows nothing before a submit, and checkValidity() stays quiet and honest', async () => {
    const form = await renderForm({ schema, uischema, data: { name: 'Đỗ Văn Dũng' } });
    expect(form.checkValidity()).to.equal(false);
    await settle(form);
    expect(shadow(form).querySelector('.error, .error-summary')).to.equal(null);
    expect(form.data).to.deep.equal({ name: 'Đỗ Văn Dũng' });
  });
});

describe('<hoso-form> objects required only under a condition', () => {
  const conditional = {
    type: 'object',
    properties: {
      residence: {
        type: 'object',
        properties: {
          sameAsPermanent: { type: 'boolean', title: 'Nơi ở hiện tại như nơi thường trú' },
          current: {
            type: 'object',
            properties: { detail: { type: 'string', title: 'Địa chỉ chi tiết', minLength: 5 } },
            required: ['detail'],
          },
        },
        required: ['sameAsPermanent'],
        allOf: [
          {
            if: { properties: { sameAsPermanent: { const: false } }, required: ['sameAsPermanent'] },
            then: { required: ['current'] },
          },
        ],
      },
    },
  };
  const ui = {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/residence/properties/sameAsPermanent' },
      {
        type: 'Group',
        label: 'Nơi ở hiện tại',
        rule: {
          effect: 'SHOW',
          condition: { scope: '#/properties/residence/properties/sameAsPermanent', schema: { const: false } },
        },
        elements: [{ type: 'Control', scope: '#/properties/residence/properties/current/properties/detail' }],
      },
    ],
  };

  it('stays valid with the group hidden; once the condition holds, the field inside shows the error', async () => {
    const form = await renderForm({
      schema: conditional,
      uischema: ui,
      data: { residence: { sameAsPermanent: true } },
    });
    expect(form.checkValidity()).to.equal(true);
    const box = controlAt(form, 'residence.sameAsPermanent');
    box.focus();
    await sendKeys({ press: ' ' });
    await settle(form);
    expect(form.data).to.deep.equal({ residence: { sameAsPermanent: false } });
    expect(form.validate()).to.equal(false);
    await settle(form);
    await settle(form);
    expect(errorOf(form, 'residence.current.detail')).to.equal('Vui lòng nhập thông tin này');
    expect(linkTexts(form)).to.deep.equal([
      'Nơi ở hiện tại: Vui lòng nhập thông tin này',
      'Địa chỉ chi tiết: Vui lòng nhập thông tin này',
    ]);
    expect(form.data).to.deep.equal({ residence: { sameAsPermanent: false } });
    await expect(form).to.be.accessible();
  });

  it('does not expand an object whose filling would break another rule (a condition would flip)', async () => {
    const flipping = {
      type: 'object',
      properties: {
        a: { type: 'object', title: 'Phần A', properties: { x: { type: 'string', title: 'X' } }, required: ['x'] },
        b: { type: 'string', title: 'B' },
      },
      required: ['a'],
      if: { required: ['a'] },
      then: { required: ['b'] },
    };
    const flipUi = {
      type: 'VerticalLayout',
      elements: [
        { type: 'Group', label: 'Phần A', elements: [{ type: 'Control', scope: '#/properties/a/properties/x' }] },
      ],
    };
    const form = await renderForm({ schema: flipping, uischema: flipUi, data: {} });
    form.validate();
    await settle(form);
    await settle(form);
    expect(errorOf(form, 'a.x')).to.equal('');
    expect(shadow(form).querySelector('.group-error')?.textContent?.trim()).to.equal('Vui lòng nhập thông tin này');
    expect(linkTexts(form)).to.deep.equal(['Phần A: Vui lòng nhập thông tin này']);
  });

  it('does not expand objects a oneOf branch requires', async () => {
    const choice = {
      type: 'object',
      properties: {
        a: { type: 'object', properties: { x: { type: 'string', title: 'X' } }, required: ['x'] },
        b: { type: 'object', properties: { y: { type: 'string', title: 'Y' } }, required: ['y'] },
      },
      oneOf: [{ required: ['a'] }, { required: ['b'] }],
    };
    // (no UI schema: the generated one lays out the properties; JSON Forms alone would nest `#` without end)
    const form = await renderForm({ schema: choice, data: {} });
    expect(controlAt(form, 'a.x')).to.not.equal(null);
    form.validate();
    await settle(form);
    await settle(form);
    expect(errorOf(form, 'a.x')).to.equal('');
    expect(errorOf(form, 'b.y')).to.equal('');
    expect(form.data).to.deep.equal({});
  });
});
