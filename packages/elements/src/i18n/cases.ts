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

function format(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

/**
 * Formats an instant (`2026-06-18T23:59:59.999+07:00`) or a day (`2026-06-18`) for `terms.locale`, in Vietnam
 * time. A bad value is shown as it is rather than as "Invalid Date".
 */
export function formatDate(terms: CaseTerms, value: string, withTime = false): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = Date.parse(day ? `${value}T12:00:00+07:00` : value);
  if (Number.isNaN(ms)) return value;
  return format(terms.locale, withTime && !day).format(ms);
}
