// Legal bases by law version: a template's basis line may name the law versions it applies to (`from`, `before`),
// so a document cites Law 73/2021 as amended by Law 120/2025 when the case's law version is 2026-07-01 (the amended
// law in force from 01/07/2026) and Law 73/2021 alone before. Each template is filled from its example case
// (cases.json) under both versions and its bases compared line by line; a malformed basis line is refused clearly.
import { expect, fixture, html } from '@open-wc/testing';
import type { Case } from '@hoso/workflow';
import { builtinTemplateIds } from './templates.js';
import { checkTemplate, TemplateFormatError } from './template.js';
import { fillDocument } from './model.js';
import { plain } from './fill.js';
import cases from './cases.json';
import { buildDocumentCase, type DocumentCaseSpec } from './document-cases.js';
import { EXAMPLE_UNIT, exampleSources } from './test-utils/example-cases.js';
import './hoso-document.js';
import type { HosoDocument } from './hoso-document.js';

const sources = exampleSources;
const specs = cases.cases as DocumentCaseSpec[];
const UNIT = EXAMPLE_UNIT;
const LAW_73 = 'Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021';
const AMENDED = `${LAW_73}, được sửa đổi, bổ sung bởi Luật số 120/2025/QH15`;

/** The basis lines of `template` filled for its example case under `lawVersion`, and the values it lacked. */
async function basis(template: string, lawVersion: string): Promise<{ lines: string[]; missing: string[] }> {
  const spec = specs.find((s) => s.template === template)!;
  const c: Case = { ...(await buildDocumentCase(spec, sources)), lawVersion };
  const el = await fixture<HosoDocument>(
    html`<hoso-document .unit=${UNIT} .case=${c} document=${template.split('/')[1]!}></hoso-document>`,
  );
  await el.complete;
  expect(el.shadowRoot!.querySelector('[role="alert"]'), `${template} under ${lawVersion}`).to.equal(null);
  const lines = [...el.shadowRoot!.querySelectorAll('.basis')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
  return { lines, missing: el.value!.missing };
}

describe('legal bases chosen by the case law version', () => {
  it('post-rehab decision: Law 73 as amended by Law 120/2025 from 2026-07-01, Law 73 alone before', async () => {
    const now = await basis('post-rehab/decision', '2026-07-01');
    const before = await basis('post-rehab/decision', '2025-07-01');
    expect(now.lines[0]).to.equal(`${AMENDED};`);
    expect(before.lines[0]).to.equal(`${LAW_73};`);
    const decree = 'Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21 tháng 12 năm 2021 của Chính phủ, khoản 9 Điều 3;';
    expect(now.lines[1]).to.equal(decree);
    expect(before.lines[1]).to.equal(decree);
    expect(now.lines.length).to.equal(before.lines.length);
    expect(now.lines.slice(2)).to.deep.equal(before.lines.slice(2), 'the other lines do not depend on the law');
    expect(now.missing).to.not.include('case.lawVersion');
  });

  it('post-rehab certificate (Mẫu 54) and transfer notice cite the law in force for the case', async () => {
    for (const [template, decree] of [
      [
        'post-rehab/certificate',
        'Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21 tháng 12 năm 2021 của Chính phủ, Điều 81;',
      ],
      ['post-rehab/transferNotice', 'Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21 tháng 12 năm 2021 của Chính phủ;'],
    ] as const) {
      const now = await basis(template, '2026-07-01');
      const before = await basis(template, '2025-07-01');
      expect([now.lines[0], now.lines[1]], template).to.deep.equal([`${AMENDED};`, decree]);
      expect([before.lines[0], before.lines[1]], template).to.deep.equal([`${LAW_73};`, decree]);
      expect(before.lines.join(' '), template).to.not.contain('120/2025');
    }
  });

  it('the drug-user-management decision cites Law 120/2025 only when it is in force', async () => {
    const now = await basis('drug-user-management/managementDecision', '2026-07-01');
    const before = await basis('drug-user-management/managementDecision', '2025-07-01');
    expect(now.lines[0]).to.equal(`${AMENDED};`);
    expect(before.lines[0]).to.equal(`${LAW_73};`);
  });

  it('every template citing the drug law: amended from 2026-07-01, never Law 120/2025 before', async () => {
    for (const id of builtinTemplateIds()) {
      const now = await basis(id, '2026-07-01');
      if (!now.lines.some((l) => l.startsWith(LAW_73))) continue;
      expect(
        now.lines.filter((l) => l.startsWith(LAW_73)).every((l) => l.startsWith(AMENDED)),
        id,
      ).to.equal(true);
      if (id.startsWith('electronic-monitoring/')) continue; // a Law 120/2025 measure: no earlier version
      const before = await basis(id, '2025-07-01');
      // (a case's own typed basis, e.g. the decision's legalBasis, may say anything: only the template's lines count)
      const cited = before.lines.filter((l) => l.startsWith(LAW_73));
      expect(cited, id).to.have.length(1);
      expect(cited[0], id).to.not.contain('120/2025');
    }
  });

  it('a basis line with a malformed law version is refused, saying where', () => {
    const base = {
      id: 'x',
      procedure: 'post-rehab',
      issuer: 'role.commune-police-head',
      title: 'T',
      date: 'data.x',
      body: [],
      recipients: [],
      signature: {},
    };
    expect(() => checkTemplate({ ...base, basis: [{ text: 'Căn cứ …', from: '1/7/2026' }] }, 'x.json'))
      .to.throw(TemplateFormatError)
      .with.property('message')
      .that.contains('x.json: "basis[0]".from must be a law version id');
    expect(() => checkTemplate({ ...base, basis: [{ text: 'Căn cứ …' }] }, 'x.json')).to.throw(/names no law version/);
    expect(() => checkTemplate({ ...base, basis: [42] }, 'x.json')).to.throw(/"basis\[0\]" must be a text/);
  });

  it('a case without a law version keeps only the unconditional lines and says the law version is missing', () => {
    const t = checkTemplate({
      id: 'x',
      procedure: 'post-rehab',
      issuer: 'role.commune-police-head',
      title: 'T',
      date: 'data.x',
      body: [],
      recipients: [],
      signature: {},
      basis: [{ text: 'A', before: '2026-07-01' }, { text: 'B', from: '2026-07-01' }, 'C'],
    });
    const law = { 'role.commune-police-head': {} };
    const filled = (v?: string) =>
      fillDocument(t, { ...(v ? { lawVersion: v } : {}), data: { x: '2026-07-02' } }, law, UNIT);
    expect(filled('2026-07-01').basis.map(plain)).to.deep.equal(['B', 'C']);
    expect(filled('2025-07-01').basis.map(plain)).to.deep.equal(['A', 'C']);
    expect(filled('2027-01-01').basis.map(plain)).to.deep.equal(['B', 'C']);
    expect(filled(undefined).basis.map(plain)).to.deep.equal(['C']);
    expect(filled(undefined).missing).to.include('case.lawVersion');
  });
});
