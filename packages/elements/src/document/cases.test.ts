// Every template of the documents the procedures issue, filled from its example case (cases.json: an example
// scenario played by the real runtime, plus fixture events) and compared field by field with the case data.
import { expect, fixture, html } from '@open-wc/testing';
import type { Case } from '@hoso/workflow';
import { builtinTemplateIds } from './templates.js';
import cases from './cases.json';
import { buildDocumentCase, type DocumentCaseSpec } from './document-cases.js';
import { EXAMPLE_UNIT, exampleSources } from './test-utils/example-cases.js';
import './hoso-document.js';
import type { HosoDocument } from './hoso-document.js';

const sources = exampleSources;
const specs = cases.cases as DocumentCaseSpec[];
const UNIT = EXAMPLE_UNIT;

async function render(template: string): Promise<{ el: HosoDocument; c: Case }> {
  const spec = specs.find((s) => s.template === template)!;
  const c = await buildDocumentCase(spec, sources);
  const el = await fixture<HosoDocument>(
    html`<hoso-document .unit=${UNIT} .case=${c} document=${template.split('/')[1]!}></hoso-document>`,
  );
  await el.complete;
  return { el, c };
}
const text = (el: HosoDocument, selector: string): string =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');

/** The document's parts as text, keyed by what a reader sees. */
function parts(el: HosoDocument): Record<string, string> {
  const p = (sel: string) => text(el, sel);
  return {
    form: p('.form-code'),
    parent: p('.parent'),
    agency: p('.agency'),
    number: p('.number'),
    date: p('.date'),
    title: p('h1'),
    subtitle: p('h2'),
    authority: p('.authority'),
    signTitle: p('.sign-title'),
    signName: p('.sign-name'),
  };
}
const POLICE = { parent: 'CÔNG AN TỈNH THANH HÓA', agency: 'CÔNG AN XÃ ĐÔNG SƠN' };

describe('document templates filled from their example cases', () => {
  it('every shipped template has exactly one example case', () => {
    const ids = specs.map((s) => s.template);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.have.members(builtinTemplateIds());
  });

  it('addiction-determination result (Mẫu 04): the facility from the result, its head signing', async () => {
    const { el, c } = await render('addiction-determination/result');
    const r = c.data.result as Record<string, string>;
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      form: 'Mẫu 04 (Nghị định 109/2021)',
      parent: 'SỞ Y TẾ TỈNH THANH HÓA',
      agency: r.facility!.toLocaleUpperCase('vi'),
      number: `Số: ${r.number}`,
      date: 'Đông Sơn, ngày 11 tháng 9 năm 2026',
      title: 'PHIẾU KẾT QUẢ',
      subtitle: 'Xác định tình trạng nghiện ma túy',
      signTitle: 'GIÁM ĐỐC',
      signName: r.headName,
    });
    const body = text(el, '.body p');
    expect(body).to.contain(
      'Họ và tên: Phạm Văn Cường; giới tính: Nam; sinh ngày 12/12/1995; số định danh cá nhân: 079095001111.',
    );
    expect(body).to.contain(
      'từ ngày 07/09/2026 đến ngày 11/09/2026. Các tiêu chí đáp ứng (Điều 3 Nghị định 109/2021): 1, 3, 5, 6.',
    );
    expect(body).to.contain(
      'Kết luận: Có nghiện ma túy; loại ma túy: nhóm kích thích (ma túy đá, thuốc lắc, amphetamine).',
    );
    expect(body).to.contain('Bác sĩ kết luận: Trần Văn Bình.');
    expect(text(el, '.basis')).to.contain('tiếp nhận ngày 07/09/2026.');
  });

  it('addiction-determination violation record (Mẫu 27): signed by who recorded it, not the head', async () => {
    const { el } = await render('addiction-determination/violationRecord');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      ...POLICE,
      form: 'Mẫu 27 (Nghị định 116/2021)',
      number: 'Số: 05/BB-CAX',
      date: 'Đông Sơn, ngày 21 tháng 9 năm 2026',
      title: 'BIÊN BẢN',
      subtitle: 'Vi phạm: không đăng ký cai nghiện ma túy tự nguyện trong thời hạn',
      signTitle: 'NGƯỜI LẬP BIÊN BẢN',
      signName: 'Hoàng Văn Minh',
    });
    expect(el.value!.signature.delegation).to.equal(undefined);
    expect(text(el, '.basis')).to.contain(
      'Phiếu kết quả xác định tình trạng nghiện ma túy số KQ-77/2026 ngày 11/09/2026',
    );
    const body = text(el, '.body p');
    expect(body).to.contain('Hồi 09:30 ngày 21/09/2026, tại Trụ sở Công an xã Tân Phú, Thành phố Hồ Chí Minh.');
    expect(body).to.contain('Người lập biên bản: Hoàng Văn Minh, Trưởng Công an cấp xã, Công an xã Tân Phú.');
    expect(body).to.contain(
      'Lập biên bản đối với: Phạm Văn Cường, sinh ngày 12/12/1995; số định danh cá nhân: 079095001111',
    );
    expect(body).to.contain('Ý kiến của người vi phạm: Tôi chưa kịp đi đăng ký.');
    expect(body).to.contain('Người chứng kiến: Lê Thị Mai, địa chỉ: Thôn Đông, xã Đông Sơn.');
  });

  it('compulsory-rehab violation record from the subject form, the name left to be written by hand', async () => {
    const { el } = await render('compulsory-rehab/violationRecord');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      ...POLICE,
      number: 'Số: 27/BB-CAX',
      date: 'Đông Sơn, ngày 11 tháng 6 năm 2026',
      subtitle: 'Vi phạm: sử dụng trái phép chất ma túy trong thời gian cai nghiện ma túy tự nguyện',
      signTitle: 'NGƯỜI LẬP BIÊN BẢN',
      signName: '',
    });
    expect(text(el, '.body p')).to.contain(
      'lập biên bản vi phạm đối với: Nguyễn Văn Cường, sinh ngày 01/05/1990, giới tính: Nam; số định danh cá nhân: 038090001234; nơi thường trú: Thôn Đông.',
    );
  });

  it('compulsory-rehab summary CV (Mẫu 30): no number, the preparing unit from the dossier', async () => {
    const { el } = await render('compulsory-rehab/summaryCv');
    expect(el.value!.missing).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.number')).to.equal(null);
    expect(parts(el)).to.include({
      ...POLICE,
      form: 'Mẫu 30 (Nghị định 116/2021)',
      date: 'Đông Sơn, ngày 27 tháng 8 năm 2026',
      title: 'BẢN TÓM TẮT LÝ LỊCH',
      signTitle: 'TRƯỞNG CÔNG AN',
    });
    const body = text(el, '.body p');
    expect(body).to.contain('1. Họ và tên: Nguyễn Văn Cường; giới tính: Nam.');
    expect(body).to.contain('4. Nơi thường trú: Thôn Đông, xã Đông Sơn, tỉnh Thanh Hóa; có nơi cư trú ổn định: có.');
    expect(body).to.contain('(Biên bản vi phạm số 27/BB-CAX)');
    expect(body).to.contain('6. Kết quả xác định tình trạng nghiện ma túy ngày 22/08/2026.');
    expect(body).to.contain('do Thiếu tá Nguyễn Văn Phúc, Công an xã Đông Sơn lập');
  });

  it('compulsory-rehab completion certificate: the facility of the admission, the court decision, the term', async () => {
    const { el } = await render('compulsory-rehab/completionCertificate');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      agency: 'CƠ SỞ CAI NGHIỆN BẮT BUỘC SỐ 2',
      number: 'Số: 112/GCN-CSCN',
      date: 'Đông Sơn, ngày 24 tháng 8 năm 2028',
      title: 'GIẤY CHỨNG NHẬN',
      signTitle: 'GIÁM ĐỐC',
    });
    expect(text(el, '.basis')).to.contain(
      'Căn cứ Quyết định số 45/2026/QĐ-TA ngày 03/07/2026 của Tòa án nhân dân khu vực 1 - Thanh Hóa.',
    );
    const body = text(el, '.body p');
    expect(body).to.contain('12 tháng tại Cơ sở cai nghiện bắt buộc số 2, từ ngày 24/08/2026 đến ngày 24/08/2028.');
    expect(body).to.contain('Kết quả: Khá. Nơi về cư trú, quản lý sau cai nghiện: UBND xã Đông Sơn, tỉnh Thanh Hóa.');
  });

  it('drug-user-management decision: the head of commune police decides under the 2026-07-01 law', async () => {
    const { el, c } = await render('drug-user-management/managementDecision');
    expect(c.lawVersion).to.equal('2026-07-01');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      ...POLICE,
      number: 'Số: 3/QĐ-CAX',
      date: 'Đông Sơn, ngày 08 tháng 8 năm 2026',
      title: 'QUYẾT ĐỊNH',
      subtitle: 'Về việc quản lý người sử dụng trái phép chất ma túy',
      authority: 'TRƯỞNG CÔNG AN XÃ ĐÔNG SƠN',
      signTitle: 'TRƯỞNG CÔNG AN',
      signName: 'Hoàng Văn Minh',
    });
    const body = text(el, '.body p');
    expect(body).to.contain('Điều 1. Quản lý người sử dụng trái phép chất ma túy đối với: Đỗ Văn Dũng, giới tính: Nam');
    expect(body).to.contain('dân tộc: Kinh; số định danh cá nhân: 079090001234; nghề nghiệp: Thợ xây');
    expect(body).to.contain('số 12/PKQ-CAX (lấy mẫu ngày 07/08/2026): Methamphetamine (ma túy đá).');
    expect(body).to.contain('kể từ ngày 08/08/2026 đến ngày 08/08/2027.');
    const duties = [...el.shadowRoot!.querySelectorAll('.body p')].map((p) => p.textContent!.trim());
    expect(duties.filter((t) => t.startsWith('- '))).to.have.length(5);
    expect(body).to.contain('Điều 3. Giao Nguyễn Văn Quản, Trung úy, cán bộ Công an xã Tân Phú, điện thoại 0978555666');
    expect(body).to.contain('gia đình: Đỗ Thị Nga (anh, chị, em ruột), điện thoại 0934777888.');
  });

  it("the same decision under the 2025-07-01 law is issued by the commune People's Committee (TM.)", async () => {
    const { c } = await render('drug-user-management/managementDecision');
    const el = await fixture<HosoDocument>(
      html`<hoso-document
        .unit=${UNIT}
        .case=${{ ...c, lawVersion: '2025-07-01' }}
        document="managementDecision"
      ></hoso-document>`,
    );
    await el.complete;
    expect(parts(el)).to.include({
      parent: '',
      agency: 'ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN',
      authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN',
      signTitle: 'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH',
    });
  });

  it('drug-user-management transfer notice to the destination commune police', async () => {
    const { el } = await render('drug-user-management/transferNotice');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({ ...POLICE, number: 'Số: 9/TB-CAX', date: 'Đông Sơn, ngày 29 tháng 8 năm 2026' });
    const body = text(el, '.body p');
    expect(body).to.contain('Kính gửi: Công an xã Tân Phú.');
    expect(body).to.contain(
      'đang bị quản lý theo Quyết định số 3/QĐ-CAX ngày 08/08/2026, thời hạn quản lý đến ngày 08/08/2027.',
    );
    expect(body).to.contain(
      'Ngày 28/08/2026, người này đã báo thay đổi nơi cư trú từ Số 18, đường 3, khu phố 2 đến Số 5, đường 3, khu phố 1 (lý do: đi làm).',
    );
    expect(body).to.contain('Hình thức gửi: điện tử (hệ thống dữ liệu).');
  });

  it('electronic-monitoring decision: the accepted decision (12 months), not the refused one (36)', async () => {
    const { el } = await render('electronic-monitoring/decision');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      ...POLICE,
      number: 'Số: 3/QĐ-CAX',
      date: 'Đông Sơn, ngày 03 tháng 8 năm 2026',
      subtitle: 'Về việc áp dụng biện pháp giám sát điện tử',
      signName: 'Hoàng Văn Minh',
    });
    const body = text(el, '.body p');
    expect(body).to.contain('Thời hạn giám sát: 12 tháng, kể từ ngày 03/08/2026 đến ngày 03/08/2027.');
    expect(body).to.contain('Thiết bị giám sát số EM-000123, đeo ở cổ chân trái.');
    expect(text(el, '.basis')).to.contain('Căn cứ Quyết định số 12/QĐ-UBND ngày 20/07/2026');
  });

  it('electronic-monitoring decision signed by a deputy for the head: KT.', async () => {
    const { c } = await render('electronic-monitoring/decision');
    const copy = structuredClone(c);
    (copy.data.decision as { authority: Record<string, string> }).authority.signerTitle = 'deputy-for-head';
    const el = await fixture<HosoDocument>(
      html`<hoso-document .unit=${UNIT} .case=${copy} document="decision"></hoso-document>`,
    );
    await el.complete;
    expect(el.value!.signature.delegation).to.equal('KT.');
    expect(text(el, '.sign-title')).to.equal('KT. TRƯỞNG CÔNG AN PHÓ TRƯỞNG CÔNG AN');
  });

  it('post-rehab transfer notice lists the documents handed over', async () => {
    const { el } = await render('post-rehab/transferNotice');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({ ...POLICE, number: 'Số: 14/CV-CAX', date: 'Đông Sơn, ngày 10 tháng 3 năm 2027' });
    const items = [...el.shadowRoot!.querySelectorAll('.body p')].map((p) => p.textContent!.trim());
    expect(items.filter((t) => t.startsWith('- '))).to.deep.equal([
      '- Quyết định quản lý sau cai nghiện ma túy.',
      '- Kế hoạch quản lý.',
      '- Sổ theo dõi, nhận xét quá trình quản lý.',
    ]);
    expect(text(el, '.body p')).to.contain('thời hạn đến ngày 05/10/2028');
  });

  it('voluntary-rehab facility certificate: the facility named in the completion, its director signing', async () => {
    const { el } = await render('voluntary-rehab/facilityCertificate');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      agency: 'CƠ SỞ CAI NGHIỆN MA TÚY SỐ 1 HÀ NỘI',
      number: 'Số: 8/GCN-CSCN',
      date: 'Đông Sơn, ngày 28 tháng 4 năm 2029',
      signTitle: 'GIÁM ĐỐC',
      signName: 'Võ Thanh Sơn',
    });
    const body = text(el, '.body p');
    expect(body).to.contain(
      'Chứng nhận: Nguyễn Văn An, sinh ngày 12/03/1994, giới tính: Nam; số định danh cá nhân: 001094012345',
    );
    expect(body).to.contain('tại Cơ sở cai nghiện ma túy số 1 Hà Nội từ ngày 27/04/2026 đến ngày 27/04/2029.');
    expect(body).to.contain('Kết quả: Khá. Chấp hành đầy đủ');
  });

  it('voluntary-rehab notice to the commune: the facility tells the committee of residence it admitted the person', async () => {
    const { el } = await render('voluntary-rehab/communeNotice');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      agency: 'CƠ SỞ CAI NGHIỆN MA TÚY SỐ 1 HÀ NỘI',
      number: 'Số: 5/TB-CSCN',
      date: 'Đông Sơn, ngày 28 tháng 4 năm 2026',
      title: 'THÔNG BÁO',
      signTitle: 'GIÁM ĐỐC',
      signName: 'Võ Thanh Sơn',
    });
    const body = text(el, '.body p');
    expect(body).to.contain('Kính gửi: Ủy ban nhân dân phường Ngọc Hà.');
    expect(body).to.contain(
      'Cơ sở cai nghiện ma túy số 1 Hà Nội thông báo: ngày 27/04/2026 đã tiếp nhận Nguyễn Văn An, sinh ngày 12/03/1994',
    );
    expect(body).to.contain('nơi thường trú: Số 12, ngõ 34 phố Đội Cấn');
    expect(body).to.contain('từ ngày 27/04/2026 đến ngày 27/10/2026.');
    expect(body).to.contain('Hình thức gửi: điện tử.');
    expect(text(el, '.basis')).to.contain(
      'Hợp đồng dịch vụ cai nghiện ma túy tự nguyện số 15/2026/HĐ-CSCN ngày 27/04/2026.',
    );
  });

  it('voluntary-rehab violation record during treatment', async () => {
    const { el } = await render('voluntary-rehab/violationRecord');
    expect(el.value!.missing).to.deep.equal([]);
    expect(parts(el)).to.include({
      ...POLICE,
      number: 'Số: 05/BB-CAX',
      date: 'Đông Sơn, ngày 01 tháng 6 năm 2026',
      signName: 'Phạm Văn Hùng',
    });
    expect(text(el, '.body p')).to.contain(
      'Hành vi vi phạm: sử dụng trái phép chất ma túy trong thời gian cai nghiện ma túy tự nguyện (ngày 31/05/2026).',
    );
  });

  it('a unit that names its facility wins over the name in the case', async () => {
    const c = await buildDocumentCase(
      specs.find((s) => s.template === 'voluntary-rehab/facilityCertificate')!,
      sources,
    );
    const el = await fixture<HosoDocument>(
      html`<hoso-document
        .unit=${{ ...UNIT, body: 'Cơ sở cai nghiện ma túy Bình Minh' }}
        .case=${c}
        document="facilityCertificate"
      ></hoso-document>`,
    );
    await el.complete;
    expect(parts(el).agency).to.equal('CƠ SỞ CAI NGHIỆN MA TÚY BÌNH MINH');
  });

  it('a case spec whose appended event is refused says which and why', async () => {
    const spec = structuredClone(specs.find((s) => s.template === 'post-rehab/transferNotice')!);
    spec.append![0]!.patch = { receivingPolice: '' };
    let error: Error | undefined;
    await buildDocumentCase(spec, sources).catch((e: Error) => (error = e));
    expect(error?.message).to.match(/^post-rehab\/transferNotice: TRANSFER_FILE refused: guard-failed/);
  });
});
