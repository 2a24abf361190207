import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../runtime.js';
import type { HosoForm } from '../../hoso-form.js';
import { HosoArrayItem } from './array-item.js';
import type { HosoArrayControl } from './array-control.js';
import { settled } from './array-control.js';
import { rankWith } from '@jsonforms/core';
import { renderers } from '../index.js';
import { HosoVerticalLayout } from '../layouts/vertical-layout.js';

class TestItemLayout extends HosoVerticalLayout {}
customElements.define('test-item-layout', TestItemLayout);

const schema = {
  type: 'object',
  properties: {
    family: {
      type: 'array',
      title: 'Thành viên gia đình',
      maxItems: 3,
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', title: 'Họ tên' },
          phone: { type: 'string', title: 'Điện thoại' },
        },
        required: ['name'],
      },
    },
  },
};
const two = () => ({
  family: [
    { name: 'An', phone: '0901' },
    { name: 'Bình', phone: '0902' },
  ],
});

const settle = async (form: HosoForm): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await form.updateComplete;
    await settled(form.shadowRoot!.querySelector('.form')!);
  }
};
const active = (form: HosoForm): Element | null => form.shadowRoot!.activeElement;
const button = (form: HosoForm, name: string): HTMLButtonElement => {
  const found = [...form.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent?.trim() === name,
  );
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
};
const press = async (form: HosoForm, name: string, key = 'Enter'): Promise<void> => {
  button(form, name).focus();
  await sendKeys({ press: key });
  await settle(form);
};

async function render(data: unknown, extra: { lang?: string; schema?: object } = {}): Promise<HosoForm> {
  const form = await fixture<HosoForm>(
    html`<hoso-form lang=${extra.lang ?? 'vi'} .schema=${extra.schema ?? schema} .data=${data}></hoso-form>`,
  );
  await settle(form);
  return form;
}

describe('hoso-array-control', () => {
  it('renders each item as a fieldset with a legend, indexed data paths and named buttons; axe-clean', async () => {
    const form = await render(two());
    const root = form.shadowRoot!;
    const outer = root.querySelector('hoso-array-control > fieldset')!;
    expect(outer.querySelector(':scope > legend')?.textContent).to.contain('Thành viên gia đình');
    const items = [...outer.querySelectorAll('ol > li fieldset.array-item')];
    expect(items.map((f) => f.querySelector(':scope > legend')?.textContent)).to.deep.equal(['Mục 1', 'Mục 2']);
    expect((form.control('family.1.phone') as HTMLInputElement).value).to.equal('0902');
    expect(items[1]!.contains(form.control('family.1.phone'))).to.be.true;
    for (const name of ['Xóa mục 2', 'Chuyển mục 2 lên', 'Chuyển mục 1 xuống', 'Thêm mục']) button(form, name);
    expect(button(form, 'Chuyển mục 1 lên').disabled).to.be.true;
    expect(button(form, 'Chuyển mục 2 xuống').disabled).to.be.true;
    await expect(form).to.be.accessible();
  });

  it('names the buttons in English with lang="en"', async () => {
    const form = await render(two(), { lang: 'en' });
    for (const name of ['Remove item 2', 'Move item 2 up', 'Move item 1 down', 'Add item']) button(form, name);
    expect(form.shadowRoot!.querySelector('fieldset.array-item legend')?.textContent).to.equal('Item 1');
  });

  it('adds an item with the keyboard, focuses its first field, and disables add at maxItems', async () => {
    const form = await render(two());
    await press(form, 'Thêm mục');
    expect((form.data as { family: unknown[] }).family).to.have.length(3);
    expect(active(form)).to.equal(form.control('family.2.name'));
    await sendKeys({ type: 'Chi' });
    await settle(form);
    expect(form.data).to.deep.equal({ family: [...two().family, { name: 'Chi' }] });
    expect(button(form, 'Thêm mục').disabled).to.be.true; // maxItems 3
  });

  it('removes the named item and focuses the item that took its place, then the add button', async () => {
    const form = await render(two());
    await press(form, 'Xóa mục 1', ' ');
    expect(form.data).to.deep.equal({ family: [{ name: 'Bình', phone: '0902' }] });
    expect(active(form)).to.equal(form.control('family.0.name'));
    expect((form.control('family.0.name') as HTMLInputElement).value).to.equal('Bình');
    expect(form.control('family.1.name')).to.equal(null);
    await press(form, 'Xóa mục 1');
    expect(form.data).to.deep.equal({ family: [] });
    expect(form.shadowRoot!.querySelector('.array-empty')?.textContent).to.equal('Chưa có mục nào');
    expect(active(form)).to.equal(button(form, 'Thêm mục'));
  });

  it('reorders items and keeps focus on the moved item', async () => {
    const form = await render({ family: [{ name: 'An' }, { name: 'Bình' }, { name: 'Chi' }] });
    await press(form, 'Chuyển mục 3 lên');
    expect(form.data).to.deep.equal({ family: [{ name: 'An' }, { name: 'Chi' }, { name: 'Bình' }] });
    expect(active(form)).to.equal(button(form, 'Chuyển mục 2 lên'));
    await sendKeys({ press: 'Enter' }); // again: Chi reaches the top, focus moves to its "down" button
    await settle(form);
    expect(form.data).to.deep.equal({ family: [{ name: 'Chi' }, { name: 'An' }, { name: 'Bình' }] });
    expect(active(form)).to.equal(button(form, 'Chuyển mục 1 xuống'));
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(form.data).to.deep.equal({ family: [{ name: 'An' }, { name: 'Chi' }, { name: 'Bình' }] });
    expect((form.control('family.1.name') as HTMLInputElement).value).to.equal('Chi');
  });

  it('a keystroke in one item re-renders no other item', async () => {
    const form = await render({ family: [{ name: 'An' }, { name: 'Bình' }, { name: 'Chi' }] });
    const renders = new Map<HosoArrayItem, number>();
    const original = HosoArrayItem.prototype['render'];
    HosoArrayItem.prototype['render'] = function (this: HosoArrayItem) {
      renders.set(this, (renders.get(this) ?? 0) + 1);
      return original.call(this);
    };
    try {
      form.control('family.1.phone')!.focus();
      await sendKeys({ type: '09' });
      await settle(form);
      expect(form.data).to.deep.equal({ family: [{ name: 'An' }, { name: 'Bình', phone: '09' }, { name: 'Chi' }] });
      expect(renders.size).to.equal(0);
      await press(form, 'Xóa mục 3'); // removing the last item touches nobody else's index either
      expect(renders.size).to.equal(1); // item 2 is now last: its "move down" becomes disabled
    } finally {
      HosoArrayItem.prototype['render'] = original;
    }
  });

  it("shows an item field's error at its indexed path and the array's own minItems error on submit", async () => {
    const minSchema = {
      ...schema,
      properties: { family: { ...schema.properties.family, minItems: 2 } },
      required: ['family'],
    };
    const form = await render({ family: [{ phone: '1' }] }, { schema: minSchema });
    expect(button(form, 'Xóa mục 1').disabled).to.be.true; // below minItems: nothing to remove
    form.validate();
    await settle(form);
    // (form.control() would find the error summary's link, which carries data-path too: ask the array.)
    const nameInput = form.shadowRoot!.querySelector('hoso-array-control input[data-path="family.0.name"]')!;
    expect(nameInput.getAttribute('aria-invalid')).to.equal('true');
    const arrayError = form.shadowRoot!.querySelector('hoso-array-control > fieldset > .error');
    expect(arrayError?.textContent).to.contain('ít nhất 2 mục');
    expect(button(form, 'Thêm mục').getAttribute('aria-describedby')).to.contain(arrayError!.id);
    await press(form, 'Thêm mục');
    expect(form.shadowRoot!.querySelector('hoso-array-control > fieldset > .error')).to.equal(null);
    expect(button(form, 'Xóa mục 2').disabled).to.be.true; // at minItems
  });

  it('shows items without buttons when the form is read-only', async () => {
    const form = await fixture<HosoForm>(html`<hoso-form readonly .schema=${schema} .data=${two()}></hoso-form>`);
    await settle(form);
    expect(form.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect((form.control('family.0.name') as HTMLInputElement).readOnly).to.be.true;
    await expect(form).to.be.accessible();
  });

  it('re-dispatches the item layouts when the form gets a new renderer registry', async () => {
    const form = await render(two());
    const itemLayout = (ui: { type: string }, schema: { properties?: object }): boolean =>
      ui.type === 'VerticalLayout' && !!schema.properties && 'phone' in schema.properties;
    expect(form.shadowRoot!.querySelectorAll('hoso-array-item > fieldset > test-item-layout')).to.have.length(0);
    form.renderers = [...renderers, { tester: rankWith(10, itemLayout as never), tag: 'test-item-layout' }];
    await settle(form);
    expect(form.shadowRoot!.querySelectorAll('hoso-array-item > fieldset > test-item-layout')).to.have.length(2);
    expect((form.control('family.1.phone') as HTMLInputElement).value).to.equal('0902');
  });
});

describe('hoso-array-control: errors of the list itself', () => {
  const listSchema = {
    type: 'object',
    properties: {
      responsible: {
        type: 'array',
        title: 'Người chịu trách nhiệm',
        minItems: 1,
        items: { type: 'object', properties: { name: { type: 'string', title: 'Họ tên' } }, required: ['name'] },
      },
      tags: { type: 'array', title: 'Nhãn', uniqueItems: true, items: { type: 'string', title: 'Nhãn' } },
    },
  };
  const arrayOf = (form: HosoForm, path: string): HTMLFieldSetElement =>
    [...form.shadowRoot!.querySelectorAll<HosoArrayControl>('hoso-array-control')]
      .find((el) => el.querySelector('button.add')?.id.endsWith(`-${path}`))!
      .querySelector('fieldset')!;
  const links = (form: HosoForm): HTMLAnchorElement[] => [
    ...form.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a'),
  ];

  it('an empty list below minItems: error under the legend, described, summary link to "add"; fixed by adding', async () => {
    const form = await render({ responsible: [] }, { schema: listSchema });
    expect(form.validate()).to.equal(false);
    await settle(form);
    await settle(form);
    const fieldset = arrayOf(form, 'responsible');
    const error = fieldset.querySelector(':scope > .error')!;
    expect(error.previousElementSibling?.tagName).to.equal('LEGEND');
    expect(error.textContent?.trim()).to.equal('Chọn hoặc thêm ít nhất 1 mục');
    expect(fieldset.getAttribute('aria-describedby')).to.contain(error.id);
    const add = button(form, 'Thêm mục');
    expect(add.getAttribute('aria-describedby')).to.contain(error.id);
    expect(links(form).map((a) => a.textContent?.trim())).to.deep.equal([
      'Người chịu trách nhiệm: Chọn hoặc thêm ít nhất 1 mục',
    ]);
    await expect(form).to.be.accessible();
    links(form)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(active(form)).to.equal(add);
    await sendKeys({ press: 'Enter' });
    await settle(form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(form);
    expect(fieldset.querySelector(':scope > .error')).to.equal(null);
    // the summary keeps up: the list's error is gone, the new item's empty name is not added to it
    expect(form.shadowRoot!.querySelector('.error-summary')).to.equal(null);
  });

  it('duplicate items (uniqueItems) are shown on the list, in English too', async () => {
    const form = await render({ responsible: [{ name: 'An' }], tags: ['x', 'x'] }, { schema: listSchema, lang: 'en' });
    form.validate();
    await settle(form);
    await settle(form);
    const error = arrayOf(form, 'tags').querySelector(':scope > .error')!;
    // ajv counts from 0; people count items from 1, as the item legends do
    expect(error.textContent?.trim()).to.equal('Items must not repeat (items 1 and 2)');
    expect(links(form)).to.have.length(1);
    expect(links(form)[0]!.dataset['errorPath']).to.equal('tags');
    await expect(form).to.be.accessible();
  });
});
