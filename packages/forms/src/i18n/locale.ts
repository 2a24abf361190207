/**
 * Built-in terms per language; locale resolution itself lives in `lang.ts`.
 */
import { en } from './en.js';
import type { Terms } from './terms.js';
import { vi } from './vi.js';

export { normalizeLang, langSource, resolveLang, type Lang } from './lang.js';
import type { Lang } from './lang.js';

/** Form-specific strings per language, flat `key → text` (see ARCHITECTURE.md for the key convention). */
export type Messages = Partial<Record<Lang, Readonly<Record<string, string>>>>;

const TERMS: Readonly<Record<Lang, Terms>> = { vi, en };

/** Built-in terms for a language. */
export function termsFor(lang: Lang): Terms {
  return TERMS[lang];
}
