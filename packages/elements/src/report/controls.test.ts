// The plan chooser of <hoso-report>: its "Default plan" option names the plan whose targets it uses (vi, en).
import { expect, fixture, html } from '@open-wc/testing';
import { defaultDefinitions } from '@hoso/reports';
import { renderControls, type ControlsContext } from './controls.js';
import { reportTerms } from './i18n.js';
import { defaultChoice } from './period.js';
import type { Lang } from '../i18n/lang.js';

const defs = defaultDefinitions();

async function planOptions(lang: Lang, defaultPlan: string | undefined): Promise<HTMLSelectElement> {
  const ctx: ControlsContext = {
    t: reportTerms(lang),
    lang,
    today: '2026-08-01',
    choice: defaultChoice('2026-08-01'),
    onChoice: () => {},
    province: true,
    communes: [],
    commune: '',
    onCommune: () => {},
    unitLabel: (c) => c,
    plans: defs.plans,
    ...(defaultPlan ? { defaultPlan } : {}),
    plan: '',
    onPlan: () => {},
  };
  const el = await fixture<HTMLDivElement>(html`<div>${renderControls(ctx)}</div>`);
  return el.querySelector<HTMLSelectElement>('#plan')!;
}

describe('report controls: the default plan option', () => {
  const id = defs.defaultPlan!;
  const plan = defs.plans.find((p) => p.id === id)!;

  it('the shipped definitions name a default plan with a title in both languages', () => {
    expect(id).to.be.a('string');
    expect(plan.title.vi).to.not.equal(plan.title.en);
  });

  it('says whose targets are used, in Vietnamese and English, and stays selected when no plan is chosen', async () => {
    const vi = await planOptions('vi', id);
    expect(vi.options[0]!.value).to.equal('');
    expect(vi.options[0]!.textContent).to.equal(`Kế hoạch mặc định: ${plan.title.vi}`);
    expect(vi.selectedIndex).to.equal(0);
    const en = await planOptions('en', id);
    expect(en.options[0]!.textContent).to.equal(`Default plan: ${plan.title.en}`);
  });

  it('keeps the bare words when the default plan is unknown (not given, or not among the plans)', async () => {
    expect((await planOptions('en', undefined)).options[0]!.textContent).to.equal('Default plan');
    expect((await planOptions('vi', 'no-such-plan')).options[0]!.textContent).to.equal('Kế hoạch mặc định');
  });
});
