/**
 * `<hoso-number-control>`: a number or integer typed in a text input (`inputmode` decimal/numeric).
 * Accepts `,` or `.` as the decimal mark and ignores spaces; shows the decimal mark of the form's
 * language (`1,5` in vi, `1.5` in en), without grouping so the text round-trips. Text that is not a
 * number stays as typed and fails validation with the translated `type` message.
 *
 * @summary Number and integer control.
 * @csspart control - wrapper · @csspart label · @csspart hint · @csspart input · @csspart error
 */
import { HosoParsedTextControl } from '../../base/parsed-text-control.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { controlTester, hasType } from './testers.js';

/** `1,5` / `1.5` / `-2` / `1 000` → number; undefined when not a plain decimal number. */
export function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(compact)) return undefined;
  const n = Number(compact.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export class HosoNumberControl extends HosoParsedTextControl {
  protected format(data: unknown): string {
    if (typeof data !== 'number') return data == null ? '' : String(data);
    const text = String(data);
    return this.store.lang === 'vi' ? text.replace('.', ',') : text;
  }
  protected parse(text: string): unknown {
    return parseNumber(text);
  }
  protected override keyboardMode(): string {
    return (this.props?.schema as { type?: unknown } | undefined)?.type === 'integer' ? 'numeric' : 'decimal';
  }
}

defineElement('hoso-number-control', HosoNumberControl);

export const numberControl: RendererEntry = {
  tester: controlTester(2, (s) => hasType(s, 'number') || hasType(s, 'integer')),
  tag: 'hoso-number-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-number-control': HosoNumberControl;
  }
}
