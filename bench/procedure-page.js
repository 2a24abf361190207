// The <hoso-procedure> benchmark page (bench/procedure.mjs drives it): the production elements bundle
// (packages/elements/bundle, served at /elements/), the real voluntary-rehab procedure, and its REGISTER step's form
// replaced by W1 (300 fields, 30 groups, 20 rules; served at /procedure/w1.js) or by W1 as a 5-category wizard
// (/procedure/w1-wizard.js). Times come from performance.now() inside the page; each ends when the DOM shows the result AND a
// forced layout has run.
import { builtinProcedures, defaultStore } from '/elements/hoso-elements.js';

const PROCEDURE = 'voluntary-rehab';
const EVENT = 'REGISTER';
const NOW = '2026-07-06T09:00:00+07:00';
const officer = { id: 'bench-officer', name: 'Cán bộ đo', roles: ['commune-officer'], communeCode: '26734' };
const NATIVE = ':is(input, select, textarea)[data-path]';
const MODULES = { flat: '/procedure/w1.js', wizard: '/procedure/w1-wizard.js' };
const GROUPS_PER_CATEGORY = 6;

const stage = document.getElementById('stage');
/** @type {(HTMLElement & { [k: string]: any }) | undefined} */
let el;

/** Yield to the event loop (a macrotask) without setTimeout's clamping. */
const channel = new MessageChannel();
const queue = [];
channel.port1.onmessage = () => queue.shift()?.();
const tick = () =>
  new Promise((resolve) => {
    queue.push(resolve);
    channel.port2.postMessage(0);
  });

const forceLayout = () => el.getBoundingClientRect().height + document.body.offsetHeight;
const inner = (sel) => el?.shadowRoot?.querySelector(sel) ?? null;
const innerAll = (sel) => [...(el?.shadowRoot?.querySelectorAll(sel) ?? [])];
const form = () => inner('hoso-form');

/** Distinct data paths of the native controls the step's form shows (a radio group counts once). */
function shownPaths() {
  const f = form();
  return new Set([...(f?.shadowRoot?.querySelectorAll(NATIVE) ?? [])].map((c) => c.dataset.path));
}

/** Wait, tick by tick, until `predicate()` holds; fail after `limit` ms with `what`. */
async function until(predicate, what, t0 = performance.now(), limit = 20000) {
  let ticks = 0;
  while (!predicate()) {
    await tick();
    ticks += 1;
    if (performance.now() - t0 > limit) throw new Error(`timed out after ${limit} ms waiting for ${what}`);
  }
  return ticks;
}

/**
 * Wait until the step's form exists (checked each tick), then until `predicate()` holds, checked after every DOM
 * change in the form (no polling over 300 fields while the form renders), then to the end of that task.
 */
async function untilInForm(predicate, what, t0 = performance.now(), limit = 20000) {
  await until(() => form(), `the step form (for ${what})`, t0, limit);
  if (!predicate()) await changesUntil(predicate, what, t0, limit);
  lastInDom = performance.now() - t0;
  // The fields are in the DOM; the rest of the render (the updates still queued as microtasks) ends before the
  // next task: a person sees nothing earlier.
  await tick();
  if (!predicate()) await changesUntil(predicate, what, t0, limit);
}

/** When the last `untilInForm` saw its fields in the DOM (ms after its start), before the task ended. */
let lastInDom = 0;

function changesUntil(predicate, what, t0, limit) {
  const root = form().shadowRoot;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        observer.disconnect();
        reject(new Error(`timed out after ${limit} ms waiting for ${what}`));
      },
      Math.max(0, limit - (performance.now() - t0)),
    );
    const observer = new MutationObserver(() => {
      if (!predicate()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** The real procedure, whose forms are all W1 (flat or wizard): the source `<hoso-procedure>` is given. */
function sourceFor(kind) {
  return async (id) => {
    const real = await builtinProcedures(id);
    return {
      ...real,
      async form() {
        const m = await import(MODULES[kind]);
        return {
          id: `bench/w1-${kind}`,
          schema: m.schema,
          uischema: m.uischema,
          messages: m.messages,
          validators: m.validators,
        };
      },
    };
  };
}

/**
 * Stores two cases of the real procedure in the device's store (database `hoso`), each with a REGISTER draft that
 * holds every W1 field filled: `flat` (opened with W1) and `wizard` (opened with W1 as a wizard). Run it on one page
 * load and measure on the next, so the first open there is cold.
 */
async function setup({ data }) {
  const { runtime } = await builtinProcedures(PROCEDURE);
  const store = await defaultStore();
  const ids = {};
  for (const kind of ['flat', 'wizard']) {
    const created = runtime.createCase({
      person: { fullName: `Nguyễn Văn Đo ${kind}`, personalId: '001090000001', communeCode: officer.communeCode },
      at: NOW,
    });
    const stored = await store.putCase(created, { expectedRev: 0 });
    await store.saveDraft(
      {
        id: `${stored.id}/${EVENT}`,
        caseId: stored.id,
        procedure: PROCEDURE,
        form: `${PROCEDURE}/registration`,
        formVersion: '1',
        step: 0,
        data,
        rev: 0,
        updatedAt: new Date().toISOString(),
      },
      { expectedRev: 0 },
    );
    ids[kind] = stored.id;
  }
  return ids;
}

/**
 * Mount `<hoso-procedure case-id>` on a stored case and time mount → the step's form shows `expected` fields
 * (+ forced layout); also when the procedure's header showed and when `<hoso-form>` was inserted. The first call on a page load includes fetching the procedure, content, conditions,
 * `<hoso-form>` and form chunks and opening IndexedDB.
 */
async function open({ caseId, kind, expected }) {
  await unmount();
  await tick();
  const t0 = performance.now();
  el = document.createElement('hoso-procedure');
  el.setAttribute('procedure', PROCEDURE);
  el.setAttribute('case-id', caseId);
  el.setAttribute('lang', 'vi');
  el.setAttribute('now', NOW);
  el.user = officer;
  el.source = sourceFor(kind);
  stage.append(el);
  // When <hoso-form> is inserted (case, draft and form module loaded), before it renders its fields: a mutation
  // observer's callback runs before the form's first update.
  let formAt;
  const observer = new MutationObserver(() => {
    if (formAt === undefined && form()) formAt = performance.now() - t0;
  });
  observer.observe(el.shadowRoot, { childList: true, subtree: true });
  try {
    await until(() => inner('.header h2'), 'the procedure', t0);
    const header = performance.now() - t0;
    await untilInForm(() => shownPaths().size >= expected, `${expected} fields`, t0);
    forceLayout();
    return { ms: performance.now() - t0, header, form: formAt, inDom: lastInDom, fields: shownPaths().size };
  } finally {
    observer.disconnect();
  }
}

/**
 * `n` + `warmup` times: press Continue on the filled flat form → the answers page shows `expected` rows
 * (+ forced layout); then Back → the form shows its `expected` fields again (also timed).
 */
async function answers({ n, warmup, expected }) {
  const toAnswers = [];
  const back = [];
  for (let i = 0; i < n + warmup; i += 1) {
    await untilInForm(() => shownPaths().size >= expected, 'the form before Continue');
    await form().updateComplete;
    await tick();
    const t0 = performance.now();
    inner('button[data-action="continue"]').click();
    await until(() => innerAll('dl.answers > div').length >= expected, `${expected} answer rows`, t0);
    forceLayout();
    const ms = performance.now() - t0;
    const rows = innerAll('dl.answers > div').length;
    if (rows !== expected) throw new Error(`the answers page shows ${rows} rows, not ${expected}`);
    await tick();
    const t1 = performance.now();
    inner('button[data-action="back"]').click();
    await untilInForm(() => shownPaths().size >= expected, `${expected} fields after Back`, t1);
    forceLayout();
    if (i >= warmup) {
      toAnswers.push(ms);
      back.push(performance.now() - t1);
    }
  }
  return { toAnswers, back };
}

const categoryOf = (path) => Math.floor(Number(/^g(\d+)\./.exec(path)?.[1] ?? -1) / GROUPS_PER_CATEGORY);

/** True when the wizard shows exactly the `fields` fields of category `c`. */
function showsCategory(c, fields) {
  const paths = [...shownPaths()];
  return paths.length === fields && paths.every((p) => categoryOf(p) === c);
}

/**
 * In the wizard case: `passes` + `warmup` passes over the categories, each timing Next → the next category's
 * `perCategory` fields shown (+ forced layout) for every step; between passes the form goes back to step 1.
 */
async function switches({ passes, warmup, categories, perCategory }) {
  const times = [];
  for (let pass = 0; pass < passes + warmup; pass += 1) {
    const f = form();
    if (!showsCategory(0, perCategory)) {
      f.step = 0;
      await untilInForm(() => showsCategory(0, perCategory), 'step 1 of the wizard');
    }
    for (let c = 0; c + 1 < categories; c += 1) {
      await f.updateComplete;
      await tick();
      const next = f.shadowRoot.querySelector('button.next');
      if (!next) throw new Error(`no Next button on step ${c + 1}`);
      const t0 = performance.now();
      next.click();
      await untilInForm(() => showsCategory(c + 1, perCategory), `step ${c + 2}'s ${perCategory} fields`, t0);
      forceLayout();
      if (pass >= warmup) times.push(performance.now() - t0);
    }
  }
  return times;
}

/** Saves what the element holds, then removes it. */
async function unmount() {
  if (!el) return;
  await el.flush?.();
  el.remove();
  el = undefined;
}

/** Alerts the element shows (a refusal, a conflict, a storage problem), to report. */
const alerts = () => innerAll('[role="alert"]').map((a) => a.textContent.trim().replace(/\s+/g, ' '));

window.hosoProcedureBench = { setup, open, answers, switches, unmount, alerts, ready: true };
