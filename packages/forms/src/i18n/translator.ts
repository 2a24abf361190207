/**
 * Builds the JSON Forms i18n state (`translate`, `translateError`) for one form and one language.
 *
 * Lookup order for a key: `messages[lang][key]` → the default JSON Forms passes (the schema's own
 * `title`/`description`/enum title, written in Vietnamese) → for errors, the built-in term of the
 * form's language for the ajv keyword. JSON Forms' own error translator asks for
 * `<key>.error.<keyword>` first and then `error.<keyword>`, which we answer from the terms.
 */
import { defaultErrorTranslator, type JsonFormsI18nState, type Translator } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import { termsFor, type Lang, type Messages } from './locale.js';

const GENERIC_ERROR = /^error\.(.+)$/;

export function createI18n(lang: Lang, messages: Messages | undefined): JsonFormsI18nState {
  const own = messages?.[lang] ?? {};
  const terms = termsFor(lang);
  const translate = ((id: string, defaultMessage?: string, values?: { error?: ErrorObject }) => {
    const found = own[id];
    if (found !== undefined) return found;
    const generic = GENERIC_ERROR.exec(id);
    if (generic?.[1] && values?.error) {
      const keyword = generic[1];
      const term = terms.errors[keyword] ?? terms.errors.fallback;
      return term(values.error.params ?? {});
    }
    return defaultMessage;
  }) as Translator;
  return { locale: lang, translate, translateError: defaultErrorTranslator };
}
