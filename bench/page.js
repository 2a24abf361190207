// The benchmark page (scripts/bench.mjs drives it): the production bundle, timed with performance.now() inside the
// page. Each measure ends when the DOM shows the result AND a forced layout (getBoundingClientRect) has run.
import '/bundle/hoso-form.js';

const stage = document.getElementById('stage');
/** @type {HTMLElement & { [k: string]: any } | undefined} */
let form;

const NATIVE = ':is(input, select, textarea)[data-path]';

/** Yield to the event loop (a macrotask) without setTimeout's clamping. */
const channel = new MessageChannel();
const queue = [];
channel.port1.onmessage = () => queue.shift()?.();
const tick = () =>
  new Promise((resolve) => {
    queue.push(resolve);
    channel.port2.postMessage(0);
  });

const forceLayout = () => form.getBoundingClientRect().height + document.body.offsetHeight;

/** Distinct data paths of native controls rendered (radio groups count once). */
function controlPaths() {
  return new Set([...form.shadowRoot.querySelectorAll(NATIVE)].map((el) => el.dataset.path)).size;
}

/** The first native control for `path` (a radio group: the option at `index`). */
function control(path, index = 0) {
  return form.shadowRoot.querySelectorAll(`${NATIVE.replace('[data-path]', '')}[data-path="${path}"]`)[index] ?? null;
}

/** Resolve once `predicate()` holds, checking after every DOM mutation in the form (microtask-precise). */
function until(predicate, what) {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${what}`));
    }, 5000);
    const observer = new MutationObserver(() => {
      if (!predicate()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe(form.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Mount a fresh <hoso-form> for the workload module at `url` with `data` and time mount → every one of
 * `expected` fields in the DOM + forced layout. The module is imported before the clock starts.
 */
async function mount({ url, data, expected, flatten }) {
  const mod = await import(url);
  form?.remove();
  await tick();
  const uischema = flatten ? flattenWizard(mod.uischema) : mod.uischema;
  const copy = structuredClone(data);
  const t0 = performance.now();
  form = document.createElement('hoso-form');
  form.schema = mod.schema;
  form.uischema = uischema;
  if (mod.messages) form.messages = mod.messages;
  form.validators = mod.validators;
  form.data = copy;
  stage.append(form);
  await form.updateComplete;
  const updated = performance.now() - t0;
  let ticks = 0;
  if (expected > 0) {
    while (controlPaths() < expected) {
      await tick();
      ticks += 1;
      if (performance.now() - t0 > 10000) throw new Error(`only ${controlPaths()} of ${expected} fields rendered`);
    }
  } else {
    // Unknown count (discovery run): wait until the count holds still for 20 ticks and 100 ms.
    let last = -1;
    let since = performance.now();
    for (let still = 0; still < 20 || performance.now() - since < 100;) {
      await tick();
      ticks += 1;
      const now = controlPaths();
      if (now === last) still += 1;
      else [last, still, since] = [now, 0, performance.now()];
    }
  }
  const inDom = performance.now() - t0;
  forceLayout();
  return { ms: performance.now() - t0, fields: controlPaths(), updated, inDom, ticks };
}

/** A wizard shows one step; for "all fields in the DOM" its categories become groups (rules kept). */
function flattenWizard(element) {
  const copy = { ...element };
  if (copy.type === 'Categorization') copy.type = 'VerticalLayout';
  if (copy.type === 'Category') copy.type = 'Group';
  if (copy.elements) copy.elements = copy.elements.map(flattenWizard);
  return copy;
}

const errorText = (input) => form.shadowRoot.getElementById(`${input.id}-error`)?.textContent?.trim() ?? '';

/**
 * `n` edits of the text field at `path`, alternating `invalid` and `valid` values: set the value, dispatch `input`,
 * and time until the field's validation message appeared/disappeared + forced layout. The field is touched first
 * (focus + blur), so its errors show as a user would see them.
 */
async function keystrokes({ path, valid, invalid, n }) {
  const input = control(path);
  if (!input) throw new Error(`no control for ${path}`);
  input.focus();
  input.blur();
  await tick();
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const bad = i % 2 === 0;
    const t0 = performance.now();
    input.value = bad ? invalid : valid;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await until(
      () => (input.getAttribute('aria-invalid') === 'true' && errorText(input) !== '') === bad,
      `${path} ${bad ? 'invalid' : 'valid'}`,
    );
    forceLayout();
    times.push(performance.now() - t0);
    await tick();
  }
  return times;
}

/**
 * `n` rule toggles: click option `on`/`off` of the control at `path` (a checkbox: the same box) and time until
 * the dependent field `dependent` appeared/disappeared + forced layout.
 */
async function toggles({ path, on, off, dependent, n }) {
  const times = [];
  const present = () => control(dependent) !== null;
  const startsShown = present();
  for (let i = 0; i < n; i += 1) {
    const hide = startsShown ? i % 2 === 0 : i % 2 === 1;
    const target = control(path, hide === startsShown ? off : on);
    if (!target) throw new Error(`no control for ${path}`);
    const t0 = performance.now();
    target.click();
    await until(() => present() !== hide, `${dependent} ${hide ? 'hidden' : 'shown'}`);
    forceLayout();
    times.push(performance.now() - t0);
    await tick();
  }
  return times;
}

/** Nodes and elements in the document, through every open shadow root. */
function domCount() {
  let nodes = 0;
  let elements = 0;
  const walk = (node) => {
    nodes += 1;
    if (node.nodeType === Node.ELEMENT_NODE) elements += 1;
    if (node.shadowRoot) walk(node.shadowRoot);
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(document.documentElement);
  return { nodes, elements };
}

function unmount() {
  form?.remove();
  form = undefined;
}

window.hosoBench = { mount, keystrokes, toggles, domCount, unmount, ready: true };
