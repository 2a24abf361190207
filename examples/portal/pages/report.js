// The periodic report page (#/bao-cao): a heading and <hoso-report> over the cases on this device, for the role
// chosen in the portal's switcher. The element's code is its own chunk of the bundle, loaded here on first visit
// (hoso.loadReport()); the page's print sheet hides the portal's header, navigation and footer.

/** Names of communes the demo knows, by code (the element shows the code for the others). */
const COMMUNE_NAMES = { vi: { 26734: 'Phường Sài Gòn' }, en: { 26734: 'Sai Gon Ward' } };

const TEXT = {
  vi: { intro: 'Số liệu tính từ các hồ sơ trên máy này, theo các chỉ tiêu của kế hoạch tỉnh.' },
  en: { intro: 'Numbers computed from the case files on this device, against the targets of the provincial plan.' },
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
  return [ctx.heading(ctx.t('navReports')), ctx.el('p', {}, TEXT[ctx.lang].intro), node];
}
