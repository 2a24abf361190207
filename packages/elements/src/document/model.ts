/**
 * A filled document: every part of a template (see template.ts) turned into text segments for one case, with the
 * list of case paths that had no value. Pure: the element renders it, tests compare it field by field.
 */
import { fill, formatLongDate, plain, readPath, MISSING, type Segment } from './fill.js';
import { resolveIssuer, type DocumentUnit, type Issuer } from './offices.js';
import type { BasisLine, BodyItem, DocumentTemplate } from './template.js';

/** The parts of the persisted case a document reads. */
export interface DocumentCase {
  id?: string;
  procedure?: string;
  lawVersion?: string;
  province?: string;
  person?: Record<string, unknown>;
  data?: Record<string, unknown>;
  deadlines?: { id: string; due?: string; supersededAt?: string }[];
  documents?: { id: string; issuedAt?: string; formCode?: string | null }[];
  audit?: { event: string; at: string }[];
  createdAt?: string;
}

export interface FilledParagraph {
  heading?: string;
  segments: Segment[];
}

export interface FilledDocument {
  issuer: Issuer;
  parent: Segment[] | undefined;
  agency: Segment[];
  /**
   * The agency line in the parts it may break between, never inside (the body, then the unit's name): "ỦY BAN
   * NHÂN DÂN" | "PHƯỜNG SÀI GÒN". `parentParts` likewise.
   */
  agencyParts: Segment[][];
  parentParts: Segment[][] | undefined;
  /** The issuing authority line of a decision. */
  authority: Segment[];
  formCode: string | undefined;
  number: Segment[] | undefined;
  place: Segment[];
  /** "ngày 15 tháng 7 năm 2026", or dotted blanks when the date is missing. */
  date: Segment[];
  title: Segment[];
  subtitle: Segment[] | undefined;
  basis: Segment[][];
  enacting: Segment[] | undefined;
  body: FilledParagraph[];
  recipients: Segment[][];
  /** `name` is undefined when the template leaves the name to be written by hand. */
  signature: { delegation: string | undefined; title: string; name: Segment[] | undefined };
  /** Case paths that had no value, in order of first use. */
  missing: string[];
}

/** Case deadlines keyed by id (the live one), so templates can say `{deadlines.decision.due|date}`. */
function deadlineMap(c: DocumentCase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of c.deadlines ?? []) if (!d.supersededAt || !out[d.id]) out[d.id] = d;
  return out;
}

/** The last accepted event of each type (`{events.REGISTER.at|date}`). */
function eventMap(c: DocumentCase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of c.audit ?? []) out[a.event] = a;
  return out;
}

function matches(item: unknown, where: BodyItem['where']): boolean {
  if (!where) return true;
  return Object.entries(where).every(([k, v]) => readPath(item, k) === v);
}

/** The basis lines that apply under the case's law version (`missing` gets `case.lawVersion` when it is unknown). */
function basisFor(
  lines: BasisLine[],
  version: string | undefined,
  missing: Set<string>,
): { text: string; i: number }[] {
  const out: { text: string; i: number }[] = [];
  lines.forEach((b, i) => {
    if (typeof b === 'string') return void out.push({ text: b, i });
    if (!version) return void missing.add('case.lawVersion');
    if ((b.from && version < b.from) || (b.before && version >= b.before)) return;
    out.push({ text: b.text, i });
  });
  return out;
}

/** "ỦY BAN NHÂN DÂN {unit.commune|upper}" → the body and the unit's name (a line breaks between them only). */
const splitUnit = (text: string): string[] => text.split(/ (?=\{unit\.)/);

/** Fills a template for a case under a law version's resolved values. */
export function fillDocument(
  template: DocumentTemplate,
  c: DocumentCase,
  lawValues: Record<string, Record<string, unknown> | undefined>,
  unit: DocumentUnit = {},
): FilledDocument {
  const issued = [...(c.documents ?? [])].reverse().find((d) => d.id === template.id);
  const named = template.issuerName
    ? readPath({ data: c.data ?? {}, person: c.person ?? {} }, template.issuerName)
    : undefined;
  if (!unit.body && typeof named === 'string' && named) unit = { ...unit, body: named };
  const scope = {
    case: c,
    person: c.person ?? {},
    data: c.data ?? {},
    deadlines: deadlineMap(c),
    events: eventMap(c),
    document: issued ?? {},
    unit,
  };
  const labels = template.labels ?? {};
  const missing = new Set<string>();
  const f = (text: string, where: string, s: unknown = scope): Segment[] => fill(text, s, labels, missing, where);
  const issuer = resolveIssuer(template.issuer, lawValues);
  const lawForm = template.form ? (lawValues[template.form]?.code as string | null | undefined) : undefined;
  const formCode = issued?.formCode ?? lawForm ?? undefined;

  const datePaths = Array.isArray(template.date) ? template.date : [template.date];
  const long = datePaths
    .map((p) => readPath(scope, p))
    .map((v) => (typeof v === 'string' ? formatLongDate(v) : undefined))
    .find((v) => v !== undefined);
  const datePath = datePaths.join(' | ');
  if (!long) missing.add(datePath);
  const date: Segment[] = long
    ? [{ text: long }]
    : [{ text: `ngày ${MISSING} tháng ${MISSING} năm ${MISSING}`, missing: datePath }];

  const body: FilledParagraph[] = [];
  template.body.forEach((item, i) => {
    const where = `body[${i}]`;
    if (!item.each) {
      body.push({ ...(item.heading ? { heading: item.heading } : {}), segments: f(item.text, where) });
      return;
    }
    const list = readPath(scope, item.each);
    if (!Array.isArray(list)) {
      missing.add(item.each);
      body.push({ segments: [{ text: MISSING, missing: item.each }] });
      return;
    }
    const kept = list.filter((x) => matches(x, item.where));
    if (!kept.length && item.empty) body.push({ segments: f(item.empty, where) });
    kept.forEach((x) => body.push({ segments: f(item.text, where, { ...scope, item: x }) }));
  });

  const head = issuer.head;
  const own = template.signature.title;
  const dep = template.signature.deputy;
  const byDeputy = !!dep && readPath(scope, dep.when) === dep.is;
  const delegation = own
    ? undefined
    : byDeputy
      ? dep.delegation
      : (template.signature.delegation ?? (issuer.collective ? 'TM.' : undefined));
  const signerTitle = byDeputy ? dep.signerTitle : template.signature.signerTitle;
  const signatureTitle = own
    ? own
    : delegation === 'TM.'
      ? `TM. ${issuer.collective ?? plain(f(issuer.agency, 'issuer'))}\n${head}`
      : delegation
        ? `${delegation} ${head}\n${signerTitle ?? `PHÓ ${head}`}`
        : head;

  return {
    issuer,
    parent: issuer.parent ? f(issuer.parent, 'issuer') : undefined,
    agency: f(issuer.agency, 'issuer'),
    agencyParts: splitUnit(issuer.agency).map((p) => f(p, 'issuer')),
    parentParts: issuer.parent ? splitUnit(issuer.parent).map((p) => f(p, 'issuer')) : undefined,
    authority: f(issuer.authority, 'issuer'),
    formCode: formCode ?? undefined,
    number: template.number !== undefined ? f(template.number, 'number') : undefined,
    place: f('{unit.place}', 'place'),
    date,
    title: f(template.title, 'title'),
    subtitle: template.subtitle !== undefined ? f(template.subtitle, 'subtitle') : undefined,
    basis: basisFor(template.basis ?? [], c.lawVersion, missing).map((b) => f(b.text, `basis[${b.i}]`)),
    enacting: template.enacting !== undefined ? f(template.enacting, 'enacting') : undefined,
    body,
    recipients: template.recipients.map((r, i) => f(r, `recipients[${i}]`)),
    signature: {
      delegation,
      title: signatureTitle,
      name: template.signature.name !== undefined ? f(template.signature.name, 'signature.name') : undefined,
    },
    missing: [...missing],
  };
}
