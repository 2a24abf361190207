/**
 * The built-in strings of `<hoso-form>`: interface chrome and one message per ajv keyword and format.
 *
 * Every language file (`vi.ts`, `en.ts`) implements this interface completely, so the compiler refuses a
 * missing term. Form content (labels, hints, custom errors) comes from the form's messages file instead;
 * these terms are the last fallback and guarantee a Vietnamese form never shows ajv's raw English.
 */

/** The `params` object of an ajv error, loosely typed: each keyword reads only its own fields. */
export type ErrorParams = Readonly<Record<string, unknown>>;

/** A message built from an ajv error's params, formatted for the form's language. */
export type ErrorTerm = (params: ErrorParams) => string;

export interface Terms {
  /** BCP 47 tag used for `Intl` formatting. */
  readonly locale: string;
  /** Messages for ajv keywords (`required`, `minLength`, …); `fallback` for a keyword not listed. */
  readonly errors: Readonly<Record<string, ErrorTerm>> & { readonly fallback: ErrorTerm };
  /** Messages for the `format` keyword, per format name; `fallback` for a format not listed. */
  readonly formats: Readonly<Record<string, string>> & { readonly fallback: string };
  /** Shown next to a required label, for screen readers (the visible mark is `*`). */
  readonly required: string;
  /** Title of the error summary shown on submit. */
  readonly summaryTitle: string;
  /** Sentence under the summary title, with the error count. */
  readonly summaryCount: (count: number) => string;
  /** Empty option of a select. */
  readonly selectPlaceholder: string;
  /** Boolean words for radio-style booleans and read-only display. */
  readonly yes: string;
  readonly no: string;
  /** Hint under a date input: the expected pattern. */
  readonly dateHint: string;
  /** Hint under a date-time input. */
  readonly dateTimeHint: string;
  /** Hint under a time input. */
  readonly timeHint: string;
  /** Array renderers. */
  readonly addItem: string;
  readonly removeItem: (index: number) => string;
  readonly moveUp: (index: number) => string;
  readonly moveDown: (index: number) => string;
  readonly itemLabel: (index: number) => string;
  readonly noItems: string;
  /** Wizard (categorization). */
  readonly next: string;
  readonly back: string;
  readonly stepOf: (step: number, total: number) => string;
  readonly steps: string;
}

/** Joins a list for a message ("a, b or c") with the language's conjunction. */
export function joinList(locale: string, items: readonly unknown[], type: 'conjunction' | 'disjunction'): string {
  const strings = items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  return new Intl.ListFormat(locale, { type }).format(strings);
}

/** Formats a number with the language's separators. */
export function formatNumber(locale: string, value: unknown): string {
  return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : String(value);
}

/** Shows an ISO date limit (`formatMinimum` …) as `dd/mm/yyyy`; other limits unchanged. */
export function formatLimit(value: unknown): string {
  const text = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(text);
  return m ? `${m[3]}/${m[2]}/${m[1]}${m[4] ? m[4].replace(/^T/, ' ') : ''}` : text;
}
