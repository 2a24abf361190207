/**
 * Test helpers (not exported by the package): wait for something in the page, query inside a
 * `<hoso-procedure>`'s shadow root, and mount the element on a store the way the procedure tests do.
 */
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CaseStore } from '@hoso/case-store';
import type { HosoProcedure } from '../hoso-procedure.js';

/** The commune officer the tests act as. */
export const OFFICER = { id: 'u-1', name: 'Trần Thị Bình', roles: ['commune-officer'], communeCode: '26734' };

type Maybe<T> = T | undefined | null | false;

/**
 * An `until(fn, what, ms?)` that polls `fn` every 20 ms until it gives a truthy value, or fails after `ms`
 * (default `within`) saying what it waited for and the procedure's alert, if one shows.
 */
export function untilWithin(within: number) {
  return async function until<T>(fn: () => Maybe<T> | Promise<Maybe<T>>, what: string, ms = within): Promise<T> {
    const start = performance.now();
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (performance.now() - start > ms) {
        const alert = document.querySelector('hoso-procedure')?.shadowRoot?.querySelector('[role="alert"]');
        throw new Error(`timed out waiting for ${what}${alert ? ` (alert: ${alert.textContent?.trim()})` : ''}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
}

/** The first element matching `sel` in the procedure's shadow root. */
export const q = <E extends Element = HTMLElement>(el: HosoProcedure, sel: string): E | null =>
  el.shadowRoot!.querySelector<E>(sel);

export interface MountOptions {
  store: CaseStore;
  now: string;
  lang: string;
  /** Default `voluntary-rehab`. */
  procedure?: string;
  /** Left out: no `case-id` attribute. */
  caseId?: string;
  /** Default OFFICER. */
  user?: unknown;
  /** How long the procedure may take to load (ms). */
  within: number;
}

/** A `<hoso-procedure>` on `store`, once its header shows. */
export async function mountProcedure(o: MountOptions): Promise<HosoProcedure> {
  const el = await fixture<HosoProcedure>(
    html`<hoso-procedure
      procedure=${o.procedure ?? 'voluntary-rehab'}
      case-id=${ifDefined(o.caseId)}
      lang=${o.lang}
      now=${o.now}
      .user=${o.user ?? OFFICER}
      .store=${o.store}
    ></hoso-procedure>`,
  );
  await untilWithin(o.within)(() => q(el, '.header h2'), 'the procedure to load');
  return el;
}
