// Demo page logic: loads the production <hoso-form> bundle and the generated registration form module, wires the
// vi/en switch and shows what the portal's own <form> would submit. No inline script, no HTML strings: the page
// runs under `script-src 'self'; require-trusted-types-for 'script'`.
import { PAGE_TEXT } from './i18n.js';

const BUNDLE = '../../packages/forms/bundle/hoso-form.js';
const FORM_MODULE = '../../schemas/generated/voluntary-rehab/registration.js';

const pageForm = /** @type {HTMLFormElement} */ (document.forms.namedItem('dang-ky'));
const hosoForm = /** @type {HTMLElement & Record<string, unknown>} */ (pageForm.querySelector('hoso-form'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const result = /** @type {HTMLElement} */ (document.getElementById('result'));
const posted = /** @type {HTMLElement} */ (document.getElementById('posted'));
let lang = 'vi';
let statusKey = 'loading';
let statusDetail = '';

function setStatus(key, detail = '') {
  statusKey = key;
  statusDetail = detail;
  status.textContent = PAGE_TEXT[lang][key] + detail;
  status.classList.toggle('error', key === 'invalid' || key === 'loadError');
}

/** Apply a language to the page's own strings and to the form. */
function setLang(next) {
  lang = next;
  const text = PAGE_TEXT[lang];
  document.documentElement.lang = lang;
  document.title = text.documentTitle;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = text[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-label]'))
    el.setAttribute('aria-label', text[el.dataset.i18nLabel]);
  for (const b of document.querySelectorAll('[data-lang]'))
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  hosoForm.lang = lang;
  setStatus(statusKey, statusDetail);
}

for (const b of document.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLang(b.dataset.lang));

/** FormData as plain JSON; a field holding JSON (the <hoso-form> value) is shown parsed. */
function formDataToJson(fd) {
  const out = {};
  for (const [key, value] of fd.entries()) {
    let shown;
    if (typeof value !== 'string') shown = `[file ${value.name}, ${value.size} B]`;
    else {
      try {
        shown = JSON.parse(value);
      } catch {
        shown = value;
      }
    }
    out[key] = key in out ? [].concat(out[key], [shown]) : shown;
  }
  return out;
}

pageForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const valid = typeof hosoForm.validate === 'function' ? hosoForm.validate() : pageForm.reportValidity();
  if (!valid) {
    result.hidden = true;
    setStatus('invalid');
    return;
  }
  posted.textContent = JSON.stringify(formDataToJson(new FormData(pageForm)), null, 2);
  result.hidden = false;
  setStatus('submitted');
  document.getElementById('result-title')?.focus();
});

pageForm.addEventListener('reset', () => {
  result.hidden = true;
  posted.textContent = '';
  setStatus('ready');
});

try {
  await import(BUNDLE);
  const { schema, uischema, messages, validators } = await import(FORM_MODULE);
  Object.assign(hosoForm, { validators, messages, uischema, schema, data: {} });
  setStatus('ready');
} catch (e) {
  setStatus('loadError', e instanceof Error ? e.message : String(e));
}
