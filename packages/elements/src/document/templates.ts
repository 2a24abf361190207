/**
 * The document templates shipped with hoso (`workflows/<procedure>/documents/*.json`), each loaded when a page
 * needs it (its own chunk in the bundle). `TemplateSource` lets a portal pass its own reviewed copies.
 */
import { checkTemplate, type DocumentTemplate } from './template.js';

/** Where templates come from: `(procedure, document)` → the template. */
export type TemplateSource = (procedure: string, document: string) => Promise<DocumentTemplate>;

/** Thrown when no template exists for a document: the message lists the ones that do. */
export class UnknownTemplateError extends Error {
  constructor(procedure: string, document: string, known: string[]) {
    super(`no document template "${procedure}/${document}"; known: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownTemplateError';
  }
}

type Loader = () => Promise<{ default: unknown }>;

const BUILTIN: Record<string, Loader> = {
  'addiction-determination/result': () => import('@hoso/workflows/addiction-determination/documents/result.json'),
  'addiction-determination/violationRecord': () =>
    import('@hoso/workflows/addiction-determination/documents/violationRecord.json'),
  'compulsory-rehab/violationRecord': () => import('@hoso/workflows/compulsory-rehab/documents/violationRecord.json'),
  'compulsory-rehab/summaryCv': () => import('@hoso/workflows/compulsory-rehab/documents/summaryCv.json'),
  'compulsory-rehab/dossierNotice': () => import('@hoso/workflows/compulsory-rehab/documents/dossierNotice.json'),
  'compulsory-rehab/completionCertificate': () =>
    import('@hoso/workflows/compulsory-rehab/documents/completionCertificate.json'),
  'drug-user-management/managementDecision': () =>
    import('@hoso/workflows/drug-user-management/documents/managementDecision.json'),
  'drug-user-management/transferNotice': () =>
    import('@hoso/workflows/drug-user-management/documents/transferNotice.json'),
  'electronic-monitoring/decision': () => import('@hoso/workflows/electronic-monitoring/documents/decision.json'),
  'post-rehab/decision': () => import('@hoso/workflows/post-rehab/documents/decision.json'),
  'post-rehab/certificate': () => import('@hoso/workflows/post-rehab/documents/certificate.json'),
  'post-rehab/transferNotice': () => import('@hoso/workflows/post-rehab/documents/transferNotice.json'),
  'voluntary-rehab/receipt': () => import('@hoso/workflows/voluntary-rehab/documents/receipt.json'),
  'voluntary-rehab/supplement': () => import('@hoso/workflows/voluntary-rehab/documents/supplement.json'),
  'voluntary-rehab/decision': () => import('@hoso/workflows/voluntary-rehab/documents/decision.json'),
  'voluntary-rehab/certificate': () => import('@hoso/workflows/voluntary-rehab/documents/certificate.json'),
  'voluntary-rehab/communeNotice': () => import('@hoso/workflows/voluntary-rehab/documents/communeNotice.json'),
  'voluntary-rehab/facilityCertificate': () =>
    import('@hoso/workflows/voluntary-rehab/documents/facilityCertificate.json'),
  'voluntary-rehab/violationRecord': () => import('@hoso/workflows/voluntary-rehab/documents/violationRecord.json'),
};

/** The ids (`procedure/document`) of the shipped templates. */
export const builtinTemplateIds = (): string[] => Object.keys(BUILTIN);

/** The shipped templates. */
export const builtinTemplates: TemplateSource = async (procedure, document) => {
  const key = `${procedure}/${document}`;
  const load = BUILTIN[key];
  if (!load) throw new UnknownTemplateError(procedure, document, Object.keys(BUILTIN));
  return checkTemplate((await load()).default, key);
};

/** A source over templates already in memory (tests, a portal's own set). */
export function templateSource(templates: DocumentTemplate[]): TemplateSource {
  const byKey = new Map(templates.map((t) => [`${t.procedure}/${t.id}`, t]));
  return async (procedure, document) => {
    const t = byKey.get(`${procedure}/${document}`);
    if (!t) throw new UnknownTemplateError(procedure, document, [...byKey.keys()]);
    return checkTemplate(t, `${procedure}/${document}`);
  };
}
