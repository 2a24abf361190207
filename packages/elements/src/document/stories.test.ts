// The document stories (hoso-document.stories.ts) rendered as Storybook would: one story per shipped template,
// each showing its example case with no value missing and no error, axe-clean; the missing-data story lists the
// gaps in the language asked for (vi and en).
import { expect, fixture } from '@open-wc/testing';
import type { StoryObj } from '@storybook/web-components-vite';
import * as stories from './hoso-document.stories.js';
import type { HosoDocument } from './hoso-document.js';
import { builtinTemplateIds } from './templates.js';

type Args = { lang: '' | 'vi' | 'en'; omit: string };
const all = Object.entries(stories).filter(([name]) => name !== 'default') as [string, StoryObj<Args>][];
const meta = stories.default as { args: Args };

async function show(story: StoryObj<Args>, args: Partial<Args> = {}): Promise<HTMLElement> {
  const node = story.render!({ ...meta.args, ...story.args, ...args } as Args, {} as never) as HTMLElement;
  const el = await fixture<HTMLElement>(node);
  const docs = el.localName === 'hoso-document' ? [el] : [...el.querySelectorAll('hoso-document')];
  for (const d of docs as HosoDocument[]) {
    for (let i = 0; i < 100 && !d.case; i++) await new Promise((r) => setTimeout(r, 20));
    await d.complete;
  }
  return el;
}

describe('document stories', () => {
  it('every shipped template has its own story', () => {
    const names = all.map(([, s]) => s.name);
    for (const id of builtinTemplateIds()) expect(names, id).to.include(id);
  });

  for (const id of builtinTemplateIds()) {
    it(`${id}: the example case, nothing missing, axe-clean`, async () => {
      const story = all.find(([, s]) => s.name === id)![1];
      const el = (await show(story)) as HosoDocument;
      expect(el.shadowRoot!.querySelector('[role="alert"]'), 'error').to.equal(null);
      expect(el.value!.missing).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('h1')!.textContent!.trim()).to.not.equal('');
      await expect(el).to.be.accessible();
    });
  }

  it('the missing-data story lists the gaps in Vietnamese and in English', async () => {
    const vi = (await show(stories.MissingData, { lang: 'vi' })) as HosoDocument;
    expect(vi.value!.missing).to.deep.equal(['data.decision.number', 'data.decision.signerName']);
    const problems = (el: HosoDocument) => el.shadowRoot!.querySelector('.problems')!.textContent!.replace(/\s+/g, ' ');
    expect(problems(vi)).to.contain('Hồ sơ chưa có các thông tin sau');
    const en = (await show(stories.MissingData, { lang: 'en' })) as HosoDocument;
    expect(problems(en)).to.contain('The case does not have the following yet');
    await expect(en).to.be.accessible();
  });

  it('"Every template" shows the whole list of shipped templates', async () => {
    const el = await show(stories.EveryTemplate);
    const shown = [...el.querySelectorAll('hoso-document')].map((d) => (d as HosoDocument).value?.missing.length);
    expect(shown).to.deep.equal(builtinTemplateIds().map(() => 0));
  });
});
