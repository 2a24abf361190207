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
import voluntaryScenario from '../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import './hoso-document.js';
import type { HosoDocument } from './hoso-document.js';
import { builtinTemplates } from './templates.js';

const runtime = {
  laws: [law2022, law202503, law202507, law2026],
  calendars: [cal2025, cal2026, cal2027],
  overlays: [overlay79],
  compileCondition: ajvConditions(),
} as unknown as ConstructorParameters<typeof Procedure>[1];
const procedures: Record<string, Procedure> = {
  'voluntary-rehab': new Procedure(voluntaryMachine as unknown as MachineDefinition, runtime),
};

interface Scenario {
  procedure: string;
  person: Record<string, unknown>;
  events: CaseEvent[];
}
async function play(s: Scenario): Promise<Case> {
  const proc = procedures[s.procedure]!;
  let c = proc.createCase({ person: s.person, at: s.events[0]!.at });
  for (const e of s.events) {
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
});
