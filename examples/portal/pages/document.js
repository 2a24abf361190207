// A document a case has issued (#/ho-so/<procedure>/<caseId>/van-ban/<documentId>): the case is read from the
// portal's case store, shown in <hoso-document> (the state format of Decree 30/2020, A4) with a Print button and a
// link back to the case. The issuing unit's names are the demo commune's (the case stores commune codes only).
// Printing uses the browser's dialog through the element's print(): only the sheet is printed.

/** The demo commune (26734, see portal.js) as documents write it: agency lines, place-and-date line. */
const UNIT = { commune: 'phường Sài Gòn', province: 'thành phố Hồ Chí Minh', place: 'Sài Gòn' };

const TEXT = {
  vi: {
    title: 'Văn bản của hồ sơ',
    back: 'Quay lại hồ sơ',
    print: 'In văn bản',
    printHint: 'Chỉ tờ văn bản được in, khổ A4, đúng lề theo Nghị định 30/2020/NĐ-CP.',
    notFound: 'Không tìm thấy hồ sơ này trên máy.',
    notIssued: 'Văn bản này chưa được ban hành trong hồ sơ; nội dung dưới đây là bản nháp từ dữ liệu hiện có.',
    issued: (number, date) => `Đã ban hành${number ? `, số ${number}` : ''}${date ? `, ngày ${date}` : ''}.`,
  },
  en: {
    title: 'Document of the case',
    back: 'Back to the case',
    print: 'Print the document',
    printHint: 'Only the sheet is printed, on A4 with the margins of Decree 30/2020/NĐ-CP.',
    notFound: 'This case is not on this device.',
    notIssued: 'This document has not been issued in the case yet; below is a draft from the data so far.',
    issued: (number, date) => `Issued${number ? `, number ${number}` : ''}${date ? `, dated ${date}` : ''}.`,
  },
};

/** dd/mm/yyyy of a YYYY-MM-DD date or an instant (Vietnam time). */
function day(value) {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(value));
}

/**
 * @param {{ el: Function, heading: Function, configure: Function, lang: 'vi' | 'en', store: any }} ctx
 * @param {string} procedure
 * @param {string} caseId
 * @param {string} documentId
 */
export async function render(ctx, procedure, caseId, documentId) {
  const text = TEXT[ctx.lang];
  const back = ctx.el(
    'p',
    { class: 'page-links' },
    ctx.el('a', { href: `#/ho-so/${encodeURIComponent(procedure)}/${encodeURIComponent(caseId)}` }, text.back),
  );
  const record = await ctx.store.getCase(caseId);
  if (!record || record.procedure !== procedure) {
    return [back, ctx.heading(text.title), ctx.el('p', { class: 'error', role: 'alert' }, text.notFound)];
  }
  const issued = [...(record.documents ?? [])].reverse().find((d) => d.id === documentId);
  const title = issued?.title?.[ctx.lang] ?? text.title;

  const node = ctx.configure(document.createElement('hoso-document'));
  node.setAttribute('document', documentId);
  node.unit = UNIT;
  node.case = record;

  const status = issued
    ? ctx.el('p', { class: 'document-status' }, text.issued(issued.number, day(issued.date ?? issued.issuedAt)))
    : ctx.el('p', { class: 'document-status', role: 'note' }, text.notIssued);
  const print = ctx.el('button', { type: 'button', class: 'button' }, text.print);
  print.addEventListener('click', () => node.print());
  const actions = ctx.el('p', { class: 'document-actions' }, print, ' ', ctx.el('span', {}, text.printHint));
  return [back, ctx.heading(title), status, actions, node];
}
