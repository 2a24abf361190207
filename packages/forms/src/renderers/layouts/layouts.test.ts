import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../runtime.js';
import type { HosoForm } from '../../hoso-form.js';
import { settled } from '../arrays/array-control.js';

const settle = async (form: HosoForm): Promise<void> => {
  await form.updateComplete;
  await settled(form.shadowRoot!.querySelector('.form')!);
};

const type = async (form: HosoForm, path: string, text: string): Promise<void> => {
  const input = form.control(path) as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys(text ? { type: text } : { press: 'Backspace' });
  await settle(form);
};

describe('layouts: vertical, horizontal, group, label, object', () => {
  const schema = {
    type: 'object',
    properties: {
      fullName: { type: 'string', title: 'Họ và tên' },
      phone: { type: 'string', title: 'Số điện thoại' },
      note: { type: 'string', title: 'Ghi chú' },
    },
  };
  const uischema = {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'HorizontalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/fullName' },
          { type: 'Control', scope: '#/properties/phone' },
        ],
      },
      {
        type: 'Group',
        label: 'Liên hệ',
        i18n: 'group.contact',
        elements: [
          { type: 'Label', text: 'Ghi rõ thời gian có thể liên lạc.', i18n: 'hint.contact' },
          { type: 'Control', scope: '#/properties/note' },
        ],
      },
    ],
  };

  it('renders rows, a fieldset with its legend, static text, and stays axe-clean', async () => {
    const form = await fixture<HosoForm>(html`<hoso-form .schema=${schema} .uischema=${uischema}></hoso-form>`);
    await settle(form);
    const root = form.shadowRoot!;
    const row = root.querySelector('.layout.horizontal')!;
    expect(row.querySelectorAll('[data-path]').length).to.equal(2);
    expect(row.contains(form.control('fullName'))).to.be.true;
    const group = root.querySelector('fieldset.group')!;
    expect(group.querySelector(':scope > legend')?.textContent?.trim()).to.equal('Liên hệ');
    expect(group.querySelector('.label-text')?.textContent).to.equal('Ghi rõ thời gian có thể liên lạc.');
    expect(group.contains(form.control('note'))).to.be.true;
    await expect(form).to.be.accessible();
  });

  it('translates group legends and label text with the form messages', async () => {
    const messages = { en: { 'group.contact.label': 'Contact', 'hint.contact.text': 'Say when we can call.' } };
    const form = await fixture<HosoForm>(
      html`<hoso-form lang="en" .schema=${schema} .uischema=${uischema} .messages=${messages}></hoso-form>`,
    );
    await settle(form);
    const group = form.shadowRoot!.querySelector('fieldset.group')!;
    expect(group.querySelector('legend')?.textContent?.trim()).to.equal('Contact');
    expect(group.querySelector('.label-text')?.textContent).to.equal('Say when we can call.');
    form.lang = 'vi';
    await settle(form);
    expect(group.querySelector('legend')?.textContent?.trim()).to.equal('Liên hệ');
  });

  it('renders an object property as a fieldset of its own fields with indexed data paths', async () => {
    const objSchema = {
      type: 'object',
      properties: {
        address: {
          type: 'object',
          title: 'Nơi cư trú',
          properties: {
            street: { type: 'string', title: 'Số nhà, đường' },
            ward: { type: 'string', title: 'Xã/phường' },
          },
        },
      },
    };
    const form = await fixture<HosoForm>(html`<hoso-form .schema=${objSchema} .data=${{}}></hoso-form>`);
    await settle(form);
    const fieldset = form.shadowRoot!.querySelector('hoso-object-renderer fieldset')!;
    expect(fieldset.querySelector('legend')?.textContent).to.contain('Nơi cư trú');
    expect(fieldset.contains(form.control('address.ward'))).to.be.true;
    await type(form, 'address.ward', 'Phường 1');
    expect(form.data).to.deep.equal({ address: { ward: 'Phường 1' } });
    await expect(form).to.be.accessible();
  });
});

describe('rules on layouts, groups, labels and controls', () => {
  const schema = {
    type: 'object',
    properties: {
      kind: { type: 'string', title: 'Loại' },
      other: { type: 'string', title: 'Khác' },
      detail: { type: 'string', title: 'Chi tiết' },
      extra: { type: 'string', title: 'Bổ sung' },
      code: { type: 'string', title: 'Mã' },
    },
  };
  const is = (field: string, value: string) => ({ scope: `#/properties/${field}`, schema: { const: value } });
  const uischema = {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/kind' },
      { type: 'Control', scope: '#/properties/other' },
      {
        type: 'Group',
        label: 'Chi tiết',
        rule: { effect: 'SHOW', condition: is('kind', 'x') },
        elements: [{ type: 'Control', scope: '#/properties/detail' }],
      },
      {
        type: 'HorizontalLayout',
        rule: { effect: 'DISABLE', condition: { type: 'OR', conditions: [is('kind', 'off'), is('other', 'off')] } },
        elements: [{ type: 'Control', scope: '#/properties/extra' }],
      },
      {
        type: 'Label',
        text: 'Cả hai điều kiện',
        rule: { effect: 'HIDE', condition: { type: 'AND', conditions: [is('kind', 'x'), is('other', 'y')] } },
      },
      {
        type: 'Control',
        scope: '#/properties/code',
        rule: {
          effect: 'ENABLE',
          condition: { scope: '#/properties/other', schema: { type: 'string', minLength: 2 } },
        },
      },
    ],
  };

  it('applies SHOW, HIDE (AND), DISABLE (OR) and ENABLE as the user types', async () => {
    const form = await fixture<HosoForm>(
      html`<hoso-form .schema=${schema} .uischema=${uischema} .data=${{}}></hoso-form>`,
    );
    await settle(form);
    const root = form.shadowRoot!;
    const label = () => root.querySelector('.label-text');
    // Initially: group hidden (SHOW not met), label shown, extra enabled, code disabled.
    expect(form.control('detail')).to.equal(null);
    expect(root.querySelector('hoso-group-layout')!.hidden).to.be.true;
    expect(label()?.textContent).to.equal('Cả hai điều kiện');
    expect((form.control('extra') as HTMLInputElement).disabled).to.be.false;
    expect((form.control('code') as HTMLInputElement).disabled).to.be.true;

    await type(form, 'kind', 'x');
    expect(form.control('detail')).to.exist;
    expect(root.querySelector('fieldset.group legend')?.textContent?.trim()).to.equal('Chi tiết');
    expect(label()).to.exist; // AND: only one of two holds

    await type(form, 'other', 'y');
    expect(label()).to.equal(null);
    expect(root.querySelector('hoso-label')!.hidden).to.be.true;
    expect((form.control('code') as HTMLInputElement).disabled).to.be.true; // minLength 2 not met

    await type(form, 'other', 'off');
    expect(label()).to.exist;
    expect((form.control('extra') as HTMLInputElement).disabled).to.be.true; // OR: other = off
    expect((form.control('code') as HTMLInputElement).disabled).to.be.false;

    await type(form, 'other', 'ok');
    expect((form.control('extra') as HTMLInputElement).disabled).to.be.false;
    await type(form, 'kind', 'off');
    expect((form.control('extra') as HTMLInputElement).disabled).to.be.true; // OR: kind = off
    expect(form.control('detail')).to.equal(null);
    await expect(form).to.be.accessible();
  });

  it('re-renders only the elements whose rule reads the typed path', async () => {
    const form = await fixture<HosoForm>(
      html`<hoso-form .schema=${schema} .uischema=${uischema} .data=${{}}></hoso-form>`,
    );
    await settle(form);
    const root = form.shadowRoot!;
    const counts = new Map<Element, number>();
    const watched = [
      ...root.querySelectorAll('hoso-group-layout, hoso-horizontal-layout, hoso-label, hoso-vertical-layout'),
    ];
    for (const el of watched) {
      counts.set(el, 0);
      const lit = el as unknown as { updated: (c: unknown) => void };
      const original = lit.updated.bind(el);
      lit.updated = (c: unknown) => {
        counts.set(el, (counts.get(el) ?? 0) + 1);
        original(c);
      };
    }
    await type(form, 'code', 'z'); // no rule reads `code`
    expect([...counts.values()].every((n) => n === 0)).to.be.true;
    await type(form, 'kind', 'x'); // the group, the row (OR) and the label (AND) read `kind`
    expect(counts.get(root.querySelector('hoso-group-layout')!)).to.be.greaterThan(0);
    expect(counts.get(root.querySelector('hoso-vertical-layout')!)).to.equal(0);
  });

  it('a group hidden then shown again keeps working: current data, live edits, no hidden field in the summary', async () => {
    const form = await fixture<HosoForm>(
      html`<hoso-form .schema=${{ ...schema, required: ['detail'] }} .uischema=${uischema} .data=${{}}></hoso-form>`,
    );
    await settle(form);
    await type(form, 'kind', 'x');
    await type(form, 'detail', 'một');
    await type(form, 'kind', 'y'); // hide
    expect(form.control('detail')).to.equal(null);
    expect(form.shadowRoot!.querySelector('hoso-text-control[hidden], fieldset.group')).to.equal(null);
    await type(form, 'kind', 'x'); // show again
    expect((form.control('detail') as HTMLInputElement).value).to.equal('một');
    await type(form, 'detail', 'hai');
    expect((form.data as { detail?: string }).detail).to.equal('hai');
    await type(form, 'detail', '');
    await type(form, 'kind', 'y');
    form.validate();
    await settle(form);
    const links = [...form.shadowRoot!.querySelectorAll('.error-summary a')];
    expect(links.some((a) => a.textContent?.includes('Chi tiết'))).to.be.false; // hidden: not linked
  });
});
