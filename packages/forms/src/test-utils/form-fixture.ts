/**
 * Test helpers (not exported): render a `<hoso-form>` with run-time compilation, wait until every
 * renderer has settled, and find things inside its shadow root.
 */
import { aTimeout, fixture, html } from '@open-wc/testing';
import '../runtime.js';
import { HosoChangeEvent } from '../events/change-event.js';
import type { HosoForm } from '../hoso-form.js';
import type { Messages } from '../i18n/locale.js';

export interface FormSetup {
  readonly schema: object;
  readonly uischema?: object;
  readonly data?: unknown;
  readonly lang?: string;
  readonly messages?: Messages;
  readonly readonly?: boolean;
}

/**
 * Waits for the form and all its renderers. Lit updates are microtasks, so a task boundary drains
 * them; a frame first, because Firefox (WebDriver BiDi) may deliver the events of a key press
 * (change, blur) after the `sendKeys` command has already resolved.
 */
export async function settle(form: HosoForm): Promise<void> {
  await form.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await aTimeout(10);
  await form.updateComplete;
  await aTimeout(0);
}

/**
 * Renders a form followed by a button: Tab from the form's last field must stay in the page (in
 * Firefox, focus leaving the document for the browser chrome swallows later key presses).
 */
export async function renderForm(setup: FormSetup): Promise<HosoForm> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <hoso-form
        .schema=${setup.schema}
        .uischema=${setup.uischema}
        .data=${setup.data ?? {}}
        .messages=${setup.messages}
        ?readonly=${setup.readonly ?? false}
        lang=${setup.lang ?? 'vi'}
      ></hoso-form>
      <button type="button">after</button>
    </div>`,
  );
  const form = wrapper.querySelector('hoso-form');
  if (!form) throw new Error('hoso-form did not render');
  await settle(form);
  return form;
}

export function shadow(form: HosoForm): ShadowRoot {
  if (!form.shadowRoot) throw new Error('hoso-form has no shadow root');
  return form.shadowRoot;
}

/** The native control at a data path (throws when absent, naming the path). */
export function controlAt<T extends HTMLElement = HTMLInputElement>(form: HosoForm, path: string): T {
  const el = form.control(path);
  if (!el) throw new Error(`no native control with data-path="${path}"`);
  return el as T;
}

/** Collects the data of every `change` event the form dispatches. */
export function recordChanges(form: HosoForm): unknown[] {
  const seen: unknown[] = [];
  form.addEventListener('change', (event) => {
    if (event instanceof HosoChangeEvent) seen.push(event.data);
  });
  return seen;
}

/** The text of the label (or legend, for groups) naming a native control. */
export function labelTextOf(form: HosoForm, control: HTMLElement): string {
  const root = shadow(form);
  const fieldset = control.closest('fieldset');
  if (fieldset && (control as HTMLInputElement).type && /radio|checkbox/.test((control as HTMLInputElement).type)) {
    const legend = fieldset.querySelector('legend');
    if (legend) return legend.textContent ?? '';
  }
  return root.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent ?? '';
}
