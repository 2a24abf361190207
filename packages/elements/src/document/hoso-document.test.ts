// <hoso-document> behaviour: accessible, hostile data stays text, missing data is shown and listed, the issuer
// follows the province overlay, errors say what and where, the print sheet is A4 with the Decree 30 margins.
import { expect, fixture, html } from '@open-wc/testing';
import { Procedure, type Case, type CaseEvent, type MachineDefinition } from '@hoso/workflow';
import { ajvConditions } from '@hoso/workflow/ajv';
import law2022 from '../../../../workflows/law/2022-01-01.json';
import law202503 from '../../../../workflows/law/2025-03-01.json';
import law202507 from '../../../../workflows/law/2025-07-01.json';
import law2026 from '../../../../workflows/law/2026-07-01.json';
import cal2025 from '../../../../workflows/calendars/vn/2025.json';
import cal2026 from '../../../../workflows/calendars/vn/2026.json';
import cal2027 from '../../../../workflows/calendars/vn/2027.json';
import overlay79 from '../../../../workflows/overlays/79.json';
import voluntaryMachine from '../../../../workflows/voluntary-rehab/machine.json';
import voluntaryScenario from '../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import decisionTemplate from '../../../../workflows/voluntary-rehab/documents/decision.json';
import './hoso-document.js';
import type { HosoDocument } from './hoso-document.js';
import { MARGINS_MM } from './hoso-document.styles.js';
import type { DocumentTemplate } from './template.js';
import { builtinTemplates, templateSource } from './templates.js';
import type { LoadedProcedure } from '../procedure/content.js';

const runtime = {
  laws: [law2022, law202503, law202507, law2026],
  calendars: [cal2025, cal2026, cal2027],
  overlays: [overlay79],
  compileCondition: ajvConditions(),
} as unknown as ConstructorParameters<typeof Procedure>[1];
const voluntary = new Procedure(voluntaryMachine as unknown as MachineDefinition, runtime);
const procedures = { 'voluntary-rehab': voluntary };

interface Scenario {
  person: Record<string, unknown>;
  events: CaseEvent[];
}
async function play(s: Scenario, upTo = s.events.length, province?: string): Promise<Case> {
  let c = voluntary.createCase({ person: s.person, at: s.events[0]!.at, ...(province ? { province } : {}) });
  for (const e of s.events.slice(0, upTo)) {
    const r = await voluntary.apply(c, e);
    if (r.ok) c = r.case;
  }
  return c;
}

const UNIT = { commune: 'xã Đông Sơn', province: 'tỉnh Thanh Hóa', place: 'Đông Sơn' };
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

async function render(c: Case, options: { lang?: string; unit?: object; document?: string } = {}) {
  const el = await fixture<HosoDocument>(
    html`<hoso-document
      lang=${options.lang ?? 'vi'}
      .procedures=${procedures}
      .unit=${options.unit ?? UNIT}
      .case=${c}
      document=${options.document ?? 'decision'}
    ></hoso-document>`,
  );
  await el.complete;
  return el;
}
const $ = (el: HosoDocument, s: string) => el.shadowRoot!.querySelector(s);
const text = (el: HosoDocument, s: string) => ($(el, s)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<hoso-document>', () => {
  let full: Case;
  before(async () => {
    full = await play(voluntaryScenario as unknown as Scenario);
  });

  it('is accessible (axe) and marks the sheet as Vietnamese even when the page speaks English', async () => {
    const el = await render(full, { lang: 'en' });
    await expect(el).to.be.accessible();
    expect($(el, 'article')!.getAttribute('lang')).to.equal('vi');
    expect($(el, 'article')!.getAttribute('aria-label')).to.equal('QUYẾT ĐỊNH');
  });

  it('renders hostile case data as text, never as markup', async () => {
    const c = structuredClone(full);
    const decision = (c.data as Record<string, Record<string, unknown>>).decision!;
    (decision.person as Record<string, unknown>).fullName = HOSTILE;
    decision.signerName = HOSTILE;
    const el = await render(c);
    expect($(el, 'img'), 'no element from the data').to.equal(null);
    expect($(el, 'script')).to.equal(null);
    expect(text(el, '.body')).to.contain(HOSTILE);
    expect(text(el, '.sign-name')).to.equal(HOSTILE);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows "……" for data the case lacks and lists what is missing, in the page language', async () => {
    const registered = await play(voluntaryScenario as unknown as Scenario, 2);
    const el = await render(registered, { lang: 'en', unit: {} });
    const missing = el.value!.missing;
    expect(missing).to.include.members([
      'unit.commune',
      'unit.place',
      'data.decision.number',
      'data.decision.issuedOn',
    ]);
    expect(missing, 'what the case has is not missing').not.to.include('person.fullName');
    expect(text(el, '.number')).to.equal('Số: ……');
    expect(text(el, '.date')).to.equal('……, ngày …… tháng …… năm ……');
    expect(text(el, '.agency')).to.equal('ỦY BAN NHÂN DÂN ……');
    const problems = $(el, '[part="problems"]')!;
    expect(problems.textContent).to.contain('The case does not have the following yet');
    const listed = [...problems.querySelectorAll('li')].map((li) => li.textContent!.trim());
    expect(listed).to.deep.equal(missing);
    expect(el.shadowRoot!.querySelectorAll('[part="missing"]').length).to.be.greaterThan(missing.length - 1);
    await expect(el).to.be.accessible();
  });

  it('takes the issuer from the province overlay: in province 79 the head of commune police decides', async () => {
    const s = structuredClone(voluntaryScenario) as unknown as Scenario;
    for (const e of s.events) if (e.type === 'DECIDE') e.by = { id: 'police-1', roles: ['commune-police-head'] };
    const c = await play(s, s.events.length, '79');
    expect(c.documents.map((d) => d.id)).to.include('decision');
    const el = await render(c);
    expect(text(el, '.parent')).to.equal('CÔNG AN TỈNH THANH HÓA');
    expect(text(el, '.agency')).to.equal('CÔNG AN XÃ ĐÔNG SƠN');
    expect(text(el, '.authority')).to.equal('TRƯỞNG CÔNG AN XÃ ĐÔNG SƠN');
    expect(text(el, '.sign-title')).to.equal('TRƯỞNG CÔNG AN');
    expect(text(el, '.form-code'), 'the overlay gives a provincial code').to.equal('QĐ-CNTN (mẫu địa phương)');
  });

  it('writes KT. and the deputy title when the template delegates', async () => {
    const t = { ...(decisionTemplate as DocumentTemplate), signature: { delegation: 'KT.' as const, name: 'X' } };
    const el = await fixture<HosoDocument>(
      html`<hoso-document
        .procedures=${procedures}
        .templates=${templateSource([t])}
        .unit=${UNIT}
        .case=${full}
        document="decision"
      ></hoso-document>`,
    );
    await el.complete;
    expect(text(el, '.sign-title')).to.equal('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
  });

  it('loads the procedure through `source` when `procedures` does not have it', async () => {
    const asked: string[] = [];
    const source = async (id: string) => {
      asked.push(id);
      return { runtime: voluntary } as unknown as LoadedProcedure;
    };
    const el = await fixture<HosoDocument>(
      html`<hoso-document
        .source=${source}
        .templates=${builtinTemplates}
        .unit=${UNIT}
        .case=${full}
        document="certificate"
      ></hoso-document>`,
    );
    await el.complete;
    expect(asked).to.deep.equal(['voluntary-rehab']);
    expect(text(el, '.number')).to.equal('Số: 21/GCN-UBND');
  });

  it('says which documents exist when asked for one without a template', async () => {
    const el = await render(full, { document: 'courtOrder', lang: 'en' });
    const alert = $(el, '[role="alert"]')!;
    expect(alert.textContent).to.contain('The document cannot be shown');
    expect(alert.textContent).to.contain('no document template "voluntary-rehab/courtOrder"');
    expect(alert.textContent).to.contain('voluntary-rehab/decision');
  });

  it('says where a template is broken', async () => {
    const t = { ...(decisionTemplate as DocumentTemplate), body: [{ text: 'Điều 1. {data.decision.number' }] };
    const el = await fixture<HosoDocument>(
      html`<hoso-document
        lang="vi"
        .procedures=${procedures}
        .templates=${templateSource([t])}
        .case=${full}
        document="decision"
      ></hoso-document>`,
    );
    await el.complete;
    expect(text(el, '[role="alert"]')).to.contain('Không hiển thị được văn bản');
    expect(text(el, '[role="alert"]')).to.contain('body[0]: "{" at 8 is never closed');
  });

  it('lays the sheet out in Times New Roman 14 pt with the Decree 30 margins', async () => {
    const el = await render(full);
    const sheet = getComputedStyle($(el, '.sheet')!);
    expect(sheet.fontFamily).to.match(/^"?Times New Roman"?/);
    expect(parseFloat(sheet.fontSize)).to.be.closeTo((14 * 96) / 72, 0.1);
    const mm = (v: string) => (parseFloat(v) * 25.4) / 96;
    expect(mm(sheet.paddingTop)).to.be.closeTo(MARGINS_MM.top, 0.1);
    expect(mm(sheet.paddingRight)).to.be.closeTo(MARGINS_MM.right, 0.1);
    expect(mm(sheet.paddingBottom)).to.be.closeTo(MARGINS_MM.bottom, 0.1);
    expect(mm(sheet.paddingLeft)).to.be.closeTo(MARGINS_MM.left, 0.1);
    expect(MARGINS_MM.top).to.be.within(20, 25);
    expect(MARGINS_MM.bottom).to.be.within(20, 25);
    expect(MARGINS_MM.left).to.be.within(30, 35);
    expect(MARGINS_MM.right).to.be.within(15, 20);
  });

  it('puts an A4 @page on the page and print() prints this document alone', async () => {
    const el = await render(full);
    const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]);
    const page = rules.find((r) => r instanceof CSSPageRule) as CSSPageRule | undefined;
    expect(page, '@page rule').to.not.equal(undefined);
    expect(page!.style.getPropertyValue('size')).to.match(/A4/i);
    expect(page!.style.getPropertyValue('margin-left')).to.equal(`${MARGINS_MM.left}mm`);
    const original = window.print;
    let during: { root: boolean; el: boolean } | undefined;
    window.print = () => {
      during = { root: document.documentElement.hasAttribute('data-hoso-printing'), el: el.hasAttribute('printing') };
    };
    try {
      el.print();
    } finally {
      window.print = original;
    }
    expect(during).to.deep.equal({ root: true, el: true });
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(document.documentElement.hasAttribute('data-hoso-printing')).to.equal(false);
    expect(el.hasAttribute('printing')).to.equal(false);
  });
});
