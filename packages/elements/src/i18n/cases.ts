/**
 * Terms and formatting for `<hoso-case-list>` and `<hoso-case-timeline>`: the terms of a language, and
 * dates shown in Vietnam time (the law counts Vietnam days), `dd/mm/yyyy` in Vietnamese.
 */
import type { Text } from '@hoso/workflow';
import { casesEn } from './cases.en.js';
import type { CaseTerms } from './cases.terms.js';
import { casesVi } from './cases.vi.js';
import type { Lang } from './lang.js';

export type { CaseTerms, RowStatus } from './cases.terms.js';

const TERMS: Readonly<Record<Lang, CaseTerms>> = { vi: casesVi, en: casesEn };

export function caseTerms(lang: Lang): CaseTerms {
  return TERMS[lang];
}

/** A `{ vi, en }` text from procedure content in `lang`, falling back to the other language, then to `fallback`. */
export function textIn(text: Partial<Text> | undefined, lang: Lang, fallback = ''): string {
  return text?.[lang] || text?.vi || text?.en || fallback;
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, part: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${part}`;
  let f = formats.get(key);
  if (!f) {
    const fields: Intl.DateTimeFormatOptions =
      part === 'date'
        ? { day: '2-digit', month: '2-digit', year: 'numeric' }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...fields });
    formats.set(key, f);
  }
  return f;
}

/**
 * Formats an instant (`2026-06-18T23:59:59.999+07:00`) or a day (`2026-06-18`) for `terms.locale`, in Vietnam
 * time: `18/06/2026`, with the time after the date (`18/06/2026 23:59`) when asked. A bad value is shown as it is rather than as "Invalid Date".
 */
export function formatDate(terms: CaseTerms, value: string, withTime = false): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(day ? `${value}T12:00:00+07:00` : value);
  if (Number.isNaN(ms)) return value;
  const date = format(terms.locale, 'date').format(ms);
  return withTime && !day ? `${date} ${format(terms.locale, 'time').format(ms)}` : date;
}
