// The periodic report page (#/bao-cao): a heading and <hoso-report> over the cases on this device, for the role
// chosen in the portal's switcher. The element's code is its own chunk of the bundle, loaded here on first visit
// (hoso.loadReport()); the page's print sheet hides the portal's header, navigation and footer. The demo commune is in
// Ho Chi Minh City (79), which has no plan among the shipped ones: the national default (Đồng Nai's) stays, and the
// page says so and where to choose another.

/** Names of communes the demo knows, by code (the element shows the code for the others). */
const COMMUNE_NAMES = { vi: { 26734: 'Phường Sài Gòn' }, en: { 26734: 'Sai Gon Ward' } };

const TEXT = {
  vi: {
    intro: 'Số liệu tính từ các hồ sơ trên máy này, theo các chỉ tiêu của kế hoạch tỉnh.',
    plan:
      'Dữ liệu chưa có kế hoạch của Thành phố Hồ Chí Minh, nên chỉ tiêu mặc định là của kế hoạch tỉnh Đồng Nai ' +
      '(137/KH-UBND, giai đoạn 2023–2025); dòng “Chỉ tiêu theo” dưới tên bảng cho biết kế hoạch đang dùng. ' +
      'Chọn kế hoạch khác ở ô “Chỉ tiêu theo kế hoạch”.',
  },
  en: {
    intro: 'Numbers computed from the case files on this device, against the targets of the provincial plan.',
    plan:
      'There is no Ho Chi Minh City plan in the data yet, so the default targets are those of the Đồng Nai ' +
      'provincial plan (137/KH-UBND, 2023–2025); the “Targets of” line under the table title names the plan in ' +
      'use. Choose another plan in the “Targets of the plan” field.',
  },
};

function printSheet() {
  const href = new URL('./report.css', import.meta.url).href;
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/** @param {{ el: Function, heading: Function, configure: Function, t: Function, lang: 'vi' | 'en', hoso: any }} ctx */
export async function render(ctx) {
  printSheet();
  await ctx.hoso.loadReport();
  const node = ctx.configure(document.createElement('hoso-report'));
  node.communeNames = COMMUNE_NAMES[ctx.lang];
  const text = TEXT[ctx.lang];
  return [
    ctx.heading(ctx.t('navReports')),
    ctx.el('p', {}, text.intro),
    ctx.el('p', { class: 'plan-note' }, text.plan),
    node,
  ];
}
