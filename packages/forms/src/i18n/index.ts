export { type Terms, type ErrorParams, type ErrorTerm } from './terms.js';
export { vi } from './vi.js';
export { en } from './en.js';
export { type Lang, type Messages, normalizeLang, resolveLang, langSource, termsFor } from './locale.js';
export { createI18n } from './translator.js';
