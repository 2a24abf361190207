/** The terms of `<hoso-report>` in a language, and number formatting for its cells. */
import type { Lang } from '../i18n/lang.js';
import { reportEn } from './terms.en.js';
import type { ReportTerms } from './terms.js';
import { reportVi } from './terms.vi.js';

export type { ReportTerms, FlowKey } from './terms.js';

const TERMS: Readonly<Record<Lang, ReportTerms>> = { vi: reportVi, en: reportEn };

export function reportTerms(lang: Lang): ReportTerms {
  return TERMS[lang];
}

/** A `{ vi, en }` text in `lang`, falling back to the other language, then to `fallback`. */
export function textOf(text: { vi?: string; en?: string } | undefined, lang: Lang, fallback = ''): string {
  return text?.[lang] || text?.vi || text?.en || fallback;
}

const formats = new Map<string, Intl.NumberFormat>();

/** `1234` → `1.234` (vi) / `1,234` (en); `digits` fraction digits (percentages: 1). */
export function formatNumber(terms: ReportTerms, value: number, digits = 0): string {
  const key = `${terms.locale}|${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(terms.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f.format(value);
}

/** `82.5` → `82,5%` (vi) / `82.5%` (en). */
export function formatPercent(terms: ReportTerms, value: number): string {
  return `${formatNumber(terms, value, 1)}%`;
}
