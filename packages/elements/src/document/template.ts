/**
 * The document template format (`workflows/<procedure>/documents/<document>.json`, JSON Schema in
 * `template.schema.json`): the parts of an administrative document in the layout of Decree 30/2020/NĐ-CP, with
 * `{path}` placeholders (see fill.ts). Who issues and signs is not written here: `issuer` names a law value
 * (`authority.*` or `role.*`), resolved against the case's law version and province overlay.
 */
import type { Labels } from './fill.js';

/** How the signature block delegates (Decree 30/2020 Art. 13 and Appendix I). */
export type Delegation = 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.';

export interface BodyItem {
  /** Bold lead, e.g. "Điều 1." */
  heading?: string;
  text: string;
  /** Repeat `text` for each element of this case path (inside, `{item.…}` reads the element). */
  each?: string;
  /** With `each`: keep only elements whose fields equal these values. */
  where?: Record<string, string | number | boolean>;
  /** With `each`: the line shown when nothing is left. */
  empty?: string;
}

/**
 * A legal basis line; as an object it is kept only for the law versions it names (law version ids are dates,
 * `YYYY-MM-DD`): `from` (this version and later), `before` (versions earlier than this one). A case without a law
 * version keeps no conditional line and reports `case.lawVersion` missing.
 */
export type BasisLine = string | { text: string; from?: string; before?: string };

export interface DocumentTemplate {
  $schema?: string;
  /** The document id (as in the machine's `meta.documents`, or an extra paper such as `receipt`). */
  id: string;
  procedure: string;
  /** Who issues it: a law path, `authority.<id>` (its first role) or `role.<id>`. */
  issuer: string;
  /**
   * Case path of the issuing body's name (a facility, a court) when the portal's `unit.body` does not give it,
   * e.g. `data.completion.facilityName`.
   */
  issuerName?: string;
  /** Law path of the form code (`documentForm.*`), shown top right when the law gives a code. */
  form?: string;
  /** The number and symbol after "Số:" (omit for papers without one). */
  number?: string;
  /** Case path of the date (date or date-time) in the place-and-date line; or several, the first with a value. */
  date: string | string[];
  title: string;
  subtitle?: string;
  /** Legal bases, one line each ("Căn cứ …;"), some only under some law versions. */
  basis?: BasisLine[];
  /** A decision's enacting formula: "<SIGNATORY TITLE> <AGENCY> / QUYẾT ĐỊNH:" after the bases. */
  enacting?: string;
  body: BodyItem[];
  /** Lines under "Nơi nhận:". */
  recipients: string[];
  signature: {
    delegation?: Delegation;
    /** The title of who actually signs, when not the head (e.g. "PHÓ CHỦ TỊCH" with KT.). */
    signerTitle?: string;
    /**
     * The title line of who signs, instead of the issuer's head, for papers a person signs in their own capacity
     * (a record's "NGƯỜI LẬP BIÊN BẢN"); no delegation line is then shown.
     */
    title?: string;
    /**
     * When the case says a deputy signed (the value at case path `when` is `is`): that delegation and title, e.g.
     * `{ "when": "data.decision.authority.signerTitle", "is": "deputy-for-head", "delegation": "KT." }`.
     */
    deputy?: { when: string; is: string | number | boolean; delegation: Delegation; signerTitle?: string };
    /** The signer's name (placeholder); omit when the case does not record it (written by hand). */
    name?: string;
  };
  labels?: Labels;
}

/** Thrown when a template object does not have the shape above: says which field. */
export class TemplateFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateFormatError';
  }
}

/** A light run-time check (the full one is the JSON Schema): the fields the element cannot do without. */
export function checkTemplate(value: unknown, where = 'template'): DocumentTemplate {
  if (!value || typeof value !== 'object') throw new TemplateFormatError(`${where}: not an object`);
  const t = value as Record<string, unknown>;
  for (const key of ['id', 'procedure', 'issuer', 'title'] as const) {
    if (typeof t[key] !== 'string' || !t[key]) throw new TemplateFormatError(`${where}: "${key}" must be a text`);
  }
  const dates = Array.isArray(t.date) ? t.date : [t.date];
  if (!dates.length || dates.some((d) => typeof d !== 'string' || !d)) {
    throw new TemplateFormatError(`${where}: "date" must be a case path or a list of them`);
  }
  if (t.basis !== undefined) {
    if (!Array.isArray(t.basis)) throw new TemplateFormatError(`${where}: "basis" must be a list`);
    t.basis.forEach((b: unknown, i) => checkBasis(b, `${where}: "basis[${i}]"`));
  }
  if (!Array.isArray(t.body)) throw new TemplateFormatError(`${where}: "body" must be a list`);
  if (!Array.isArray(t.recipients)) throw new TemplateFormatError(`${where}: "recipients" must be a list`);
  const sig = t.signature as Record<string, unknown> | undefined;
  if (!sig || typeof sig !== 'object') throw new TemplateFormatError(`${where}: "signature" must be an object`);
  if (sig.name !== undefined && typeof sig.name !== 'string') {
    throw new TemplateFormatError(`${where}: "signature.name" must be a text`);
  }
  return value as DocumentTemplate;
}

const LAW_VERSION = /^\d{4}-\d{2}-\d{2}$/;

function checkBasis(b: unknown, where: string): void {
  if (typeof b === 'string') return;
  const o = b as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || typeof o['text'] !== 'string') {
    throw new TemplateFormatError(`${where} must be a text or { text, from?, before? }`);
  }
  for (const key of ['from', 'before']) {
    const v = o[key];
    if (v !== undefined && (typeof v !== 'string' || !LAW_VERSION.test(v))) {
      throw new TemplateFormatError(`${where}.${key} must be a law version id (YYYY-MM-DD), not ${JSON.stringify(v)}`);
    }
  }
  if (o['from'] === undefined && o['before'] === undefined) {
    throw new TemplateFormatError(`${where} names no law version (from, before): write it as a plain text`);
  }
}
