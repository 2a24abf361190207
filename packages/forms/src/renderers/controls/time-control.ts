/**
 * `<hoso-time-control>`: a time typed as `hh:mm` (24-hour), stored as `hh:mm:ss` plus the browser's
 * UTC offset when the schema says `format: time` (RFC 3339 requires it), without for `iso-time`.
 *
 * @summary Time control.
 * @csspart control - wrapper · @csspart label · @csspart hint · @csspart input · @csspart error
 */
import { HosoParsedTextControl } from '../../base/parsed-text-control.js';
import { defineElement } from '../../base/define.js';
import type { RendererEntry } from '../../dispatch.js';
import { formatTime, parseTime } from './date-parse.js';
import { controlTester, formatOf } from './testers.js';

export class HosoTimeControl extends HosoParsedTextControl {
  protected format(data: unknown): string {
    return formatTime(data);
  }
  protected parse(text: string): unknown {
    return parseTime(text, (this.props?.schema as { format?: string } | undefined)?.format === 'time');
  }
  protected override keyboardMode(): string {
    return 'numeric';
  }
  protected override formatHint(): string {
    return this.store.terms.timeHint;
  }
}

defineElement('hoso-time-control', HosoTimeControl);

export const timeControl: RendererEntry = {
  tester: controlTester(4, (s, ui) => formatOf(s, ui, 'time')),
  tag: 'hoso-time-control',
};

declare global {
  interface HTMLElementTagNameMap {
    'hoso-time-control': HosoTimeControl;
  }
}
