// Every shipped document template: filled from a case the real runtime built from an example scenario, rendered by
// <hoso-document>, and compared field by field with what the case says; every placeholder resolves.
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
import compulsoryMachine from '../../../../workflows/compulsory-rehab/machine.json';
import postRehabMachine from '../../../../workflows/post-rehab/machine.json';
import voluntaryScenario from '../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import compulsoryScenario from '../../../../examples/scenarios/compulsory-rehab-adult-complaint-review.json';
import postRehabScenario from '../../../../examples/scenarios/post-rehab-compulsory-two-years.json';
import Ajv from 'ajv';
import templateSchema from './template.schema.json';
import decisionTemplate from '../../../../workflows/voluntary-rehab/documents/decision.json';
import cases from './cases.json';
import './hoso-document.js';
import type { HosoDocument } from './hoso-document.js';
import { builtinTemplateIds, builtinTemplates } from './templates.js';

const runtime = {
  laws: [law2022, law202503, law202507, law2026],
  calendars: [cal2025, cal2026, cal2027],
  overlays: [overlay79],
  compileCondition: ajvConditions(),
} as unknown as ConstructorParameters<typeof Procedure>[1];
const bind = (m: unknown): Procedure => new Procedure(m as MachineDefinition, runtime);
const procedures: Record<string, Procedure> = {
  'voluntary-rehab': bind(voluntaryMachine),
  'compulsory-rehab': bind(compulsoryMachine),
  'post-rehab': bind(postRehabMachine),
};

interface Scenario {
  procedure: string;
  person: Record<string, unknown>;
  events: CaseEvent[];
}
async function play(s: Scenario, upTo = s.events.length): Promise<Case> {
  const proc = procedures[s.procedure]!;
  let c = proc.createCase({ person: s.person, at: s.events[0]!.at });
  for (const e of s.events.slice(0, upTo)) {
    const r = await proc.apply(c, e);
    if (r.ok) c = r.case;
  }
  return c;
}

const UNIT = { commune: 'xã Đông Sơn', province: 'tỉnh Thanh Hóa', place: 'Đông Sơn' };

async function render(c: Case, document: string): Promise<HosoDocument> {
  const el = await fixture<HosoDocument>(
    html`<hoso-document
      .procedures=${procedures}
      .templates=${builtinTemplates}
      .unit=${UNIT}
      .case=${c}
      document=${document}
    ></hoso-document>`,
  );
  await el.complete;
  return el;
}

const text = (el: HosoDocument, selector: string): string =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');

describe('document template format', () => {
  const validate = new Ajv({ allErrors: true }).compile(templateSchema);

  it('every shipped template is valid against template.schema.json', async () => {
    for (const key of builtinTemplateIds()) {
      const [procedure, id] = key.split('/') as [string, string];
      const t = await builtinTemplates(procedure, id);
      const ok = validate(t);
      expect(ok, `${key}: ${JSON.stringify(validate.errors)}`).to.equal(true);
      expect([t.procedure, t.id], `${key}: procedure and id inside the file`).to.deep.equal([procedure, id]);
    }
  });

  it('the schema refuses a malformed placeholder, an unknown path root and a hard-coded issuer', () => {
    const bad = (patch: Record<string, unknown>) => validate({ ...decisionTemplate, ...patch });
    expect(bad({ title: 'QUYẾT ĐỊNH {data.decision.number' })).to.equal(false);
    expect(bad({ date: 'window.location' })).to.equal(false);
    expect(bad({ issuer: 'Chủ tịch UBND xã Đông Sơn' })).to.equal(false);
    expect(bad({})).to.equal(true);
  });
});

describe('document templates filled from the example scenarios', () => {
  it('voluntary-rehab decision: every field from the case, the commune PC chair signing for the committee', async () => {
    const c = await play(voluntaryScenario as unknown as Scenario);
    const d = (c.data as Record<string, Record<string, unknown>>).decision!;
    const el = await render(c, 'decision');
    expect(el.value!.missing, 'placeholders without a value').to.deep.equal([]);
    expect(text(el, '.agency')).to.equal('ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN');
    expect(text(el, '.nation')).to.equal('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text(el, '.motto')).to.equal('Độc lập - Tự do - Hạnh phúc');
    expect(text(el, '.number')).to.equal(`Số: ${d.number}`);
    expect(d.number).to.equal('12/QĐ-UBND');
    expect(text(el, '.date')).to.equal('Đông Sơn, ngày 15 tháng 7 năm 2026');
    expect(text(el, 'h1')).to.equal('QUYẾT ĐỊNH');
    expect(text(el, 'h2')).to.equal('Về việc cai nghiện ma túy tự nguyện tại cộng đồng');
    expect(text(el, '.authority')).to.equal('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN');
    expect(text(el, '.basis')).to.contain(`Căn cứ ${d.legalBasis}`);
    expect(text(el, '.basis')).to.contain(
      'Xét đơn đăng ký cai nghiện ma túy tự nguyện của Nguyễn Văn A ngày 13/07/2026.',
    );
    expect(text(el, '.enacting')).to.equal('QUYẾT ĐỊNH:');
    const body = text(el, '.body p');
    expect(body).to.contain(
      'Điều 1. Cai nghiện ma túy tự nguyện tại cộng đồng đối với: Nguyễn Văn A, giới tính: Nam, sinh ngày 01/05/1990',
    );
    expect(body).to.contain('số định danh cá nhân: 038090001234');
    expect(body).to.contain('nơi cư trú: Thôn Đông, xã Đông Sơn, tỉnh Thanh Hóa');
    expect(body).to.contain('Thời gian cai nghiện: 24 tháng, kể từ ngày 17/07/2026');
    expect(body).to.contain('Người giám sát: Công an xã Đông Sơn, điện thoại 0912000333');
    expect(body).to.contain(`Điều 2. ${d.responsibilities}`);
    expect(text(el, '.recipients p')).to.equal('Nơi nhận: | - Như Điều 3; | - Trạm Y tế xã Đông Sơn; | - Lưu: VT.');
    expect(text(el, '.sign-title')).to.equal('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
    expect(text(el, '.sign-name')).to.equal('Trần Văn Bình');
    expect(el.shadowRoot!.querySelector('.problems')).to.equal(null);
  });

  it('voluntary-rehab completion certificate', async () => {
    const c = await play(voluntaryScenario as unknown as Scenario);
    const el = await render(c, 'certificate');
    expect(el.value!.missing).to.deep.equal([]);
    expect(text(el, '.agency')).to.equal('ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN');
    expect(text(el, '.number')).to.equal('Số: 21/GCN-UBND');
    expect(text(el, '.date')).to.equal('Đông Sơn, ngày 18 tháng 7 năm 2028');
    expect(text(el, 'h1')).to.equal('GIẤY CHỨNG NHẬN');
    expect(text(el, 'h2')).to.equal('Hoàn thành cai nghiện ma túy tự nguyện tại cộng đồng');
    expect(text(el, '.basis')).to.contain('Căn cứ Quyết định số 12/QĐ-UBND ngày 15/07/2026');
    const body = text(el, '.body p');
    expect(body).to.contain('Chứng nhận: Nguyễn Văn A, sinh ngày 01/05/1990, giới tính: Nam');
    expect(body).to.contain('từ ngày 17/07/2026 đến ngày 17/07/2028 tại Trạm Y tế xã Đông Sơn');
    expect(body).to.contain('Kết quả: Tốt. Chấp hành đầy đủ, xét nghiệm định kỳ âm tính, có việc làm ổn định.');
    expect(text(el, '.sign-title')).to.equal('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
    expect(text(el, '.sign-name')).to.equal('Lê Minh Châu');
    expect(el.shadowRoot!.querySelector('.form-code'), 'the law gives no form code').to.equal(null);
  });

  it('voluntary-rehab registration receipt: case id, documents received, the decision deadline as return date', async () => {
    const c = await play(voluntaryScenario as unknown as Scenario, 2);
    expect(c.state).to.equal('awaiting_decision');
    const el = await render(c, 'receipt');
    expect(el.value!.missing).to.deep.equal([]);
    expect(text(el, '.agency')).to.equal('ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN');
    expect(el.shadowRoot!.querySelector('.number'), 'a receipt has no number').to.equal(null);
    expect(text(el, 'h2')).to.equal(`Mã hồ sơ: ${c.id}`);
    expect(text(el, '.date')).to.equal('Đông Sơn, ngày 13 tháng 7 năm 2026');
    const body = text(el, '.body p');
    expect(body).to.contain('hồ sơ của: Nguyễn Văn A, sinh ngày 01/05/1990, số giấy tờ tùy thân: 038090001234');
    expect(body).to.contain(
      '- Bản sao thẻ căn cước, hộ chiếu (bản sao). | - Phiếu kết quả xác định tình trạng nghiện ma túy',
    );
    expect(body).to.contain('Thời gian trả kết quả giải quyết hồ sơ: ngày 16 tháng 7 năm 2026.');
    expect(text(el, '.sign-title')).to.equal('NGƯỜI TIẾP NHẬN HỒ SƠ');
  });

  it('voluntary-rehab supplement request lists exactly the documents not provided', async () => {
    const scenario = structuredClone(voluntaryScenario) as unknown as Scenario;
    const register = scenario.events.find((e) => e.type === 'REGISTER')!;
    const app = register.data as { attachments: { kind: string; provided: boolean }[] };
    app.attachments[0]!.provided = false;
    // A machine with REQUEST_SUPPLEMENT takes it (the registration stays open) and refuses the REGISTER; an older one
    // accepts the REGISTER and refuses the unknown event: either way the case holds the incomplete registration.
    const at = scenario.events.indexOf(register);
    scenario.events.splice(at, 0, { ...structuredClone(register), type: 'REQUEST_SUPPLEMENT' });
    const c = await play(scenario, at + 2);
    expect(c.data.application).to.deep.equal(register.data);
    const el = await render(c, 'supplement');
    expect(el.value!.missing).to.deep.equal([]);
    expect(text(el, 'h1')).to.equal('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    const items = [...el.shadowRoot!.querySelectorAll('.body p')].map((p) => p.textContent!.trim());
    expect(items.filter((t) => t.startsWith('- '))).to.deep.equal(['- Bản sao thẻ căn cước, hộ chiếu.']);
  });

  it('compulsory-rehab dossier notice: the head of commune police issues it under the 2025-07-01 law', async () => {
    const c = await play(compulsoryScenario as unknown as Scenario);
    expect(c.lawVersion).to.equal('2025-07-01');
    const el = await render(c, 'dossierNotice');
    expect(el.value!.missing).to.deep.equal([]);
    expect(text(el, '.parent')).to.equal('CÔNG AN TỈNH THANH HÓA');
    expect(text(el, '.agency')).to.equal('CÔNG AN XÃ ĐÔNG SƠN');
    expect(text(el, '.number')).to.equal('Số: 15/TB-CAX');
    expect(text(el, '.date')).to.equal('Đông Sơn, ngày 17 tháng 6 năm 2026');
    expect(text(el, 'h1')).to.equal('THÔNG BÁO');
    expect(text(el, '.basis')).to.contain('Căn cứ Biên bản vi phạm số 27/BB-CAX.');
    const body = text(el, '.body p');
    expect(body).to.contain('thông báo cho: Nguyễn Văn Cường, sinh ngày 01/05/1990, giới tính: Nam');
    expect(body).to.contain(
      'Lý do: sử dụng trái phép chất ma túy trong thời gian cai nghiện ma túy tự nguyện (hành vi ngày 10/06/2026)',
    );
    expect(body).to.contain('(Nguyễn Thị Em, vợ hoặc chồng) có quyền đọc hồ sơ');
    expect(body).to.contain('đến hết ngày 24/06/2026');
    expect(body).to.contain('Hình thức thông báo: giao trực tiếp, có ký nhận.');
    expect(text(el, '.sign-title')).to.equal('TRƯỞNG CÔNG AN');
    expect(el.value!.signature.delegation).to.equal(undefined);
  });

  it('post-rehab certificate is Mẫu 54 with the code from the law version', async () => {
    const c = await play(postRehabScenario as unknown as Scenario);
    const el = await render(c, 'certificate');
    expect(el.value!.missing).to.deep.equal([]);
    expect(text(el, '.form-code')).to.equal('Mẫu 54 (Phụ lục II, Nghị định 116/2021)');
    expect(text(el, '.number')).to.equal('Số: 3/GCN-UBND');
    expect(text(el, '.date')).to.equal('Đông Sơn, ngày 06 tháng 10 năm 2028');
    expect(text(el, 'h2')).to.equal('Đã chấp hành xong thời hạn quản lý sau cai nghiện ma túy');
    const body = text(el, '.body p');
    expect(body).to.contain(
      'Chứng nhận: Nguyễn Văn Cường, sinh ngày 01/05/1990, giới tính: Nam; số định danh cá nhân: 001090012345',
    );
    expect(body).to.contain('từ ngày 05/10/2026 đến ngày 05/10/2028');
    expect(text(el, '.sign-title')).to.equal('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
    expect(text(el, '.sign-name')).to.equal('Lê Minh Châu');
  });

  it('post-rehab decision: term to the management-end deadline, the officer and supporter from the case', async () => {
    const c = await play(postRehabScenario as unknown as Scenario);
    const el = await render(c, 'decision');
    expect(el.value!.missing).to.deep.equal([]);
    expect(text(el, '.number')).to.equal('Số: 7/QĐ-UBND');
    expect(text(el, '.date')).to.equal('Đông Sơn, ngày 05 tháng 10 năm 2026');
    expect(text(el, 'h2')).to.equal('Về việc quản lý sau cai nghiện ma túy tại nơi cư trú');
    expect(text(el, '.authority')).to.equal('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN');
    const body = text(el, '.body p');
    expect(body).to.contain('Điều 1. Quản lý sau cai nghiện ma túy đối với: Nguyễn Văn Cường, sinh ngày 01/05/1990');
    expect(body).to.contain('đã hoàn thành cai nghiện ma túy bắt buộc tại Cơ sở cai nghiện ma túy số 2 Hà Nội');
    expect(body).to.contain('(Giấy chứng nhận số GCN-12, ngày 25/09/2026)');
    expect(body).to.contain('kể từ ngày 05/10/2026 đến ngày 05/10/2028');
    expect(body).to.contain('Nội dung quản lý: tư vấn, hỗ trợ tâm lý, phòng chống tái nghiện, xét nghiệm chất ma túy');
    expect(body).to.contain('Giao Lê Thị Hoa, Công chức văn hóa - xã hội, UBND phường, điện thoại 0987123456');
    expect(text(el, '.recipients p:nth-child(3)')).to.equal(
      '- Người được quản lý, Gia đình người được quản lý, Công an xã, Người, tổ chức được giao hỗ trợ;',
    );
    expect(text(el, '.sign-name')).to.equal('Trần Văn Hùng');
  });

  it('every shipped template is tested: above, or from its example case in cases.test.ts', () => {
    const above = ['receipt', 'supplement', 'decision', 'certificate'].map((d) => `voluntary-rehab/${d}`);
    above.push('compulsory-rehab/dossierNotice', 'post-rehab/decision', 'post-rehab/certificate');
    const tested = new Set([...above, ...cases.cases.map((c) => c.template)]);
    expect([...tested]).to.have.members(builtinTemplateIds());
  });
});
