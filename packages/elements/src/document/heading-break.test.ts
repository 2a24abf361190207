// The Decree 30 heading: the issuing body's name breaks between the body and the unit ("ỦY BAN NHÂN DÂN" /
// "PHƯỜNG SÀI GÒN"), never inside the unit's name, on screen at A4 width (Chromium and Firefox).
import { expect, fixture, html } from '@open-wc/testing';
import { fixtures } from '../../../../schemas/generated/fixtures.js';
import s5 from '../../../../examples/scenarios/post-rehab-compulsory-two-years.json';
import s3 from '../../../../examples/scenarios/drug-user-management-residence-change.json';
import cases from './cases.json';
import { builtinProcedures } from '../procedure/content.js';
import { buildDocumentCase, type DocumentCaseSources, type DocumentCaseSpec } from './document-cases.js';
import type { ExampleScenario } from './document-cases.js';
import './hoso-document.js';
import type { HosoDocument } from './hoso-document.js';

const SCENARIOS: Record<string, unknown> = {
  'post-rehab-compulsory-two-years': s5,
  'drug-user-management-residence-change': s3,
};
const sources: DocumentCaseSources = {
  scenario: (name) => SCENARIOS[name] as ExampleScenario,
  fixture: (form, file) => fixtures[form]?.find((f) => f.file === file)?.data,
  procedure: async (id) => (await builtinProcedures(id)).runtime,
};
const HCMC = { commune: 'phường Sài Gòn', province: 'Thành phố Hồ Chí Minh', place: 'Sài Gòn' };

async function render(template: string): Promise<HosoDocument> {
  const spec = (cases.cases as DocumentCaseSpec[]).find((s) => s.template === template)!;
  const c = await buildDocumentCase(spec, sources);
  const el = await fixture<HosoDocument>(
    html`<div style="width: 210mm">
      <hoso-document .unit=${HCMC} .case=${c} document=${template.split('/')[1]!}></hoso-document>
    </div>`,
  );
  const doc = el.querySelector('hoso-document')!;
  await doc.complete;
  await document.fonts.ready;
  return doc;
}

/** Each part of a heading line: its text, how many lines it takes, its top. */
function parts(doc: HosoDocument, selector: string): { text: string; lines: number; top: number }[] {
  const line = doc.shadowRoot!.querySelector<HTMLElement>(selector)!;
  const lineHeight = parseFloat(getComputedStyle(line).lineHeight);
  return [...line.querySelectorAll<HTMLElement>('.keep')].map((span) => {
    const r = span.getBoundingClientRect();
    return { text: span.textContent!.trim(), lines: Math.round(r.height / lineHeight), top: r.top };
  });
}

describe('<hoso-document> heading lines break between the body and the unit', () => {
  it('the People’s Committee: "ỦY BAN NHÂN DÂN" then "PHƯỜNG SÀI GÒN" on its own line, whole', async () => {
    const doc = await render('post-rehab/decision');
    const agency = parts(doc, '.agency');
    expect(agency.map((p) => p.text)).to.deep.equal(['ỦY BAN NHÂN DÂN', 'PHƯỜNG SÀI GÒN']);
    expect(agency.map((p) => p.lines)).to.deep.equal([1, 1]);
    expect(agency[1]!.top, 'the unit starts a new line').to.be.greaterThan(agency[0]!.top);
    expect(doc.shadowRoot!.querySelector('.agency')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN',
    );
  });

  it('the commune police: parent and agency keep "THÀNH PHỐ HỒ CHÍ MINH" and "PHƯỜNG SÀI GÒN" whole', async () => {
    const doc = await render('drug-user-management/transferNotice');
    const parent = parts(doc, '.parent');
    expect(parent.map((p) => p.text)).to.deep.equal(['CÔNG AN', 'THÀNH PHỐ HỒ CHÍ MINH']);
    expect(parent[1]!.lines).to.equal(1);
    const agency = parts(doc, '.agency');
    expect(agency.map((p) => p.text)).to.deep.equal(['CÔNG AN', 'PHƯỜNG SÀI GÒN']);
    expect(agency.every((p) => p.lines === 1)).to.equal(true);
  });
});
