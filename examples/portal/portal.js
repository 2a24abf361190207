// The demo portal: what a provincial portal looks like with hoso embedded. One script, the elements bundle, and a
// hash router: #/ (procedures), #/thu-tuc/<procedure> (new case), #/ho-so (case list),
// #/ho-so/<procedure>/<caseId> (a case), #/nguoi/<personalId> (a person's timeline),
// #/ho-so/<procedure>/<caseId>/van-ban/<documentId> (a document, to print; pages/document.js),
// #/bao-cao (the periodic report; pages/report.js). Page modules export `render(ctx, ...params)` → nodes.
// The role switcher stands in for the portal's login (`.user` on the elements). No inline script, no HTML
// strings: the page runs under `script-src 'self'; require-trusted-types-for 'script'`.
// Server mode (`pnpm start --server`, server-link.js): every step is also sent to the hoso server through the
// outbox, the commune's cases are pulled from it, and the status line says what is sent, waiting or failed.
import { PAGE_TEXT } from './i18n.js';
import { detectServer, ServerLink } from './server-link.js';

const BUNDLE = '../../packages/elements/bundle/hoso-elements.js';
const COMMUNE = '26734'; // the demo commune (Phường Sài Gòn, TP. Hồ Chí Minh)
const STORAGE = { role: 'hoso-portal:role', lang: 'hoso-portal:lang', today: 'hoso-portal:today' };

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const roleSelect = /** @type {HTMLSelectElement} */ (document.getElementById('role'));
const today = /** @type {HTMLInputElement} */ (document.getElementById('today'));
let lang = localStorage.getItem(STORAGE.lang) === 'en' ? 'en' : 'vi';
/** @type {any} */
let hoso;
/** @type {{ role: string, office: { vi: string, en: string } }[]} */
let roles = [];
/** Runtimes of the procedures, for the case list's titles and deadline status. */
let procedures = {};
let store;
/** @type {ServerLink | undefined} the hoso server, in server mode */
let link;
/** The last sending status, to show again in the other language. */
let syncDetail;
/** The last conflict settled on this device (`ServerLink` `conflict`), to show again in the other language. */
let conflictDetail;

const t = (key) => PAGE_TEXT[lang][key];

/** Creates an element with text (never HTML) and attributes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function user() {
  const role = roleSelect.value || 'commune-officer';
  const office = roles.find((r) => r.role === role)?.office[lang] ?? role;
  return { id: `demo-${role}`, name: office, roles: [role], communeCode: COMMUNE };
}

/** "Now" for the elements: the simulated working date at the current time of day, in Viet Nam time. */
function now() {
  if (!today.value) return undefined;
  const time = new Date().toLocaleTimeString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
  return `${today.value}T${time}+07:00`;
}

function applyPageText() {
  document.documentElement.lang = lang;
  document.title = t('documentTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]'))
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  for (const b of document.querySelectorAll('[data-lang]'))
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  for (const o of roleSelect.options) o.textContent = roles.find((r) => r.role === o.value)?.office[lang] ?? o.value;
  if (link) {
    const { database, where, server } = link.config;
    const db = t(database === 'pglite' ? 'databasePglite' : 'databasePostgres');
    const stored = where ? t('databaseWhere').replace('{database}', db).replace('{where}', where) : db;
    document.getElementById('footer-text').textContent = t('footerServer')
      .replace('{server}', server)
      .replace('{database}', stored);
    showSync();
    void showConflict();
  }
}

/**
 * A conflict settled on this device (role=alert): someone else's version of the case is now here, and what this
 * person typed is a draft of its step; the link opens the case, where `<hoso-procedure>` reopens the draft.
 */
async function showConflict(detail = conflictDetail) {
  conflictDetail = detail;
  if (!detail) return;
  let alert = document.getElementById('sync-conflict');
  if (!alert) {
    alert = el('p', { id: 'sync-conflict', class: 'sync-conflict', role: 'alert' });
    document.getElementById('sync').append(alert);
  }
  const record = await store.getCase(detail.caseId);
  const person = record?.person?.fullName || t('syncConflictPerson');
  const href = `#/ho-so/${detail.procedure}/${encodeURIComponent(detail.caseId)}`;
  alert.replaceChildren(
    t('syncConflict').replace('{person}', person),
    el('a', { href, 'data-case': detail.caseId }, t('syncConflictOpen')),
  );
}

/** The sending status line (role=status): sent, waiting or failed with the server's reason and "send again". */
function showSync(detail = syncDetail) {
  syncDetail = detail;
  const status = document.getElementById('sync-status');
  const retry = document.getElementById('sync-retry');
  if (!detail) return;
  const waiting = detail.pending + detail.sending;
  let state = 'sent';
  let text = t('syncSent');
  if (detail.failed) {
    state = 'failed';
    text = t('syncFailed').replace('{n}', String(detail.failed));
    if (detail.problem) text += ` ${detail.problem[lang]}`;
  } else if (waiting) {
    state = 'waiting';
    text = t('syncWaiting').replace('{n}', String(waiting));
  }
  if (detail.pullProblem) text += ` ${t('syncPullProblem')}`;
  status.dataset.state = state;
  status.dataset.sent = String(detail.sent);
  if (status.textContent !== text) status.textContent = text;
  retry.hidden = !detail.failed;
}

function configure(node) {
  node.user = user();
  node.now = now();
  node.lang = lang;
  if (node.localName !== 'hoso-procedure') {
    node.store = store;
    node.procedures = procedures;
  } else if (link) node.outbox = link.sender;
  return node;
}

function heading(text) {
  const h = el('h1', { tabindex: '-1' }, text);
  return h;
}

function pageProcedures() {
  const list = el('ul', { class: 'procedures' });
  for (const p of hoso.procedureList().filter((p) => p.id !== 'sample')) {
    const a = el('a', { href: `#/thu-tuc/${p.id}`, class: 'button' }, t('start'));
    a.setAttribute('aria-label', `${t('start')}: ${p.title[lang]}`);
    list.append(el('li', { class: 'card' }, el('h2', {}, p.title[lang]), a));
  }
  return [heading(t('proceduresTitle')), el('p', {}, t('proceduresIntro')), list];
}

function pageProcedure(procedure, caseId) {
  const node = configure(document.createElement('hoso-procedure'));
  node.setAttribute('procedure', procedure);
  if (caseId) node.setAttribute('case-id', caseId);
  node.addEventListener('hoso-case-saved', (e) => {
    const target = `#/ho-so/${procedure}/${e.caseRecord.id}`;
    if (location.hash !== target) history.replaceState(null, '', target);
  });
  const links = el('p', { class: 'page-links' }, el('a', { href: '#/ho-so' }, t('backToCases')));
  if (caseId)
    void store.getCase(caseId).then((c) => {
      const id = c?.person?.personalId;
      if (id) links.append(' · ', el('a', { href: `#/nguoi/${encodeURIComponent(id)}` }, t('timelineLink')));
    });
  return [links, node];
}

function pageCases() {
  const node = configure(document.createElement('hoso-case-list'));
  return [heading(t('casesTitle')), node];
}

function pageTimeline(personalId) {
  const node = configure(document.createElement('hoso-case-timeline'));
  node.setAttribute('personal-id', personalId);
  return [heading(t('timelineTitle')), node];
}

/** What a page module (pages/*.js) gets: the portal's helpers and state, read at call time. */
function pageContext() {
  return { el, heading, configure, t, lang, hoso, store, procedures, user: user(), now: now() };
}

async function lazyPage(module, ...params) {
  const page = await import(module);
  return page.render(pageContext(), ...params);
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  let content;
  if (parts.length === 0) content = pageProcedures();
  else if (parts[0] === 'thu-tuc' && parts[1]) content = pageProcedure(parts[1]);
  else if (parts[0] === 'ho-so' && parts[3] === 'van-ban' && parts[4]) {
    await hoso.loadDocument(); // <hoso-document> is its own chunk of the bundle: loaded and registered here
    content = await lazyPage('./pages/document.js', parts[1], parts[2], parts[4]);
  } else if (parts[0] === 'ho-so' && parts[1] && parts[2]) content = pageProcedure(parts[1], parts[2]);
  else if (parts[0] === 'ho-so') {
    void link?.pull();
    await hoso.loadCaseList(); // its own chunk of the bundle, as are the timeline, documents and the report
    content = pageCases();
  } else if (parts[0] === 'nguoi' && parts[1]) {
    await hoso.loadCaseTimeline();
    content = pageTimeline(parts[1]);
  } else if (parts[0] === 'bao-cao') content = await lazyPage('./pages/report.js');
  else content = [heading(t('unknownPage'))];
  main.replaceChildren(...content);
  for (const a of document.querySelectorAll('[data-nav]')) {
    const current =
      (a.dataset.nav === 'home' && parts.length === 0) ||
      (a.dataset.nav === 'cases' && parts[0] === 'ho-so' && !parts[1]) ||
      (a.dataset.nav === 'reports' && parts[0] === 'bao-cao');
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Elements on the page follow the role, date and language without losing their state. */
function refreshElements() {
  for (const node of main.querySelectorAll(
    'hoso-procedure, hoso-case-list, hoso-case-timeline, hoso-report, hoso-document',
  ))
    configure(node);
}

async function start() {
  try {
    hoso = await import(BUNDLE);
  } catch (e) {
    main.replaceChildren(el('p', { class: 'error', role: 'alert' }, t('loadError') + e.message));
    return;
  }
  today.value = localStorage.getItem(STORAGE.today) ?? new Date().toISOString().slice(0, 10);
  [roles, procedures, store] = await Promise.all([
    hoso.rolesInForce(today.value),
    hoso.loadProcedures(),
    hoso.defaultStore(),
  ]);
  const server = await detectServer();
  if (server) {
    link = await ServerLink.open({ store, config: server, commune: COMMUNE, hoso });
    link.addEventListener('status', (e) => showSync(e.detail));
    link.addEventListener('conflict', (e) => {
      void showConflict(e.detail);
      // The case is open here: show the server's version and the kept draft at once.
      const open = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
      if (open[0] === 'ho-so' && open[2] === e.detail.caseId && !open[3]) void route();
    });
    document.getElementById('sync').hidden = false;
    document.getElementById('sync-retry').addEventListener('click', () => void link.retryAll());
  }
  for (const r of roles) roleSelect.append(el('option', { value: r.role }, r.office[lang]));
  roleSelect.value = localStorage.getItem(STORAGE.role) ?? 'commune-officer';
  applyPageText();
  roleSelect.addEventListener('change', () => {
    localStorage.setItem(STORAGE.role, roleSelect.value);
    refreshElements();
  });
  today.addEventListener('change', () => {
    if (today.value) localStorage.setItem(STORAGE.today, today.value);
    refreshElements();
  });
  for (const b of document.querySelectorAll('[data-lang]'))
    b.addEventListener('click', () => {
      lang = b.dataset.lang === 'en' ? 'en' : 'vi';
      localStorage.setItem(STORAGE.lang, lang);
      applyPageText();
      refreshElements();
      void route();
    });
  main.addEventListener('hoso-case-open', (e) => {
    location.hash = `#/ho-so/${e.procedure}/${e.caseId}`;
  });
  main.addEventListener('hoso-document-open', (e) => {
    location.hash = `#/ho-so/${e.procedure}/${encodeURIComponent(e.caseId)}/van-ban/${e.document}`;
  });
  window.addEventListener('hashchange', () => void route().then(() => main.querySelector('h1')?.focus()));
  await route();
}

void start();
