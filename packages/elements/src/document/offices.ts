/**
 * Who issues a document, in the words of Decree 30/2020/NĐ-CP: the template names a law value
 * (`authority.voluntary-decision` or `role.commune-officer`); the case's law version and province overlay give
 * the role, and this table gives how that role's agency is written at the top (parent agency, agency) and how its
 * head signs (collective bodies sign "TM."). Place names come from `unit` (the portal's administrative unit).
 */

/** The administrative unit the document is issued in; the portal supplies it (e.g. from the user's commune). */
export interface DocumentUnit {
  /** "xã Đông Sơn" */
  commune?: string;
  /** "tỉnh Thanh Hóa" */
  province?: string;
  /** The place in the place-and-date line: "Đông Sơn". */
  place?: string;
  /** For roles that are a named body (a rehab facility, a court): its name. */
  body?: string;
}

interface OfficeForm {
  /** Parent agency line, `{commune}` / `{province}` / `{body}` filled from the unit. */
  parent?: string;
  agency: string;
  /** The head's title in the signature block. */
  head: string;
  /** The issuing authority line of a decision, when not "<head> <agency>". */
  authority?: string;
  /** A collective body (People's Committee): the head signs "TM." this body. */
  collective?: string;
}

const OFFICES: Record<string, OfficeForm> = {
  'commune-pc-chair': { agency: 'ỦY BAN NHÂN DÂN {commune}', head: 'CHỦ TỊCH', collective: 'ỦY BAN NHÂN DÂN' },
  'commune-officer': { agency: 'ỦY BAN NHÂN DÂN {commune}', head: 'NGƯỜI TIẾP NHẬN HỒ SƠ' },
  'commune-police-head': {
    parent: 'CÔNG AN {province}',
    agency: 'CÔNG AN {commune}',
    head: 'TRƯỞNG CÔNG AN',
    authority: 'TRƯỞNG CÔNG AN {commune}',
  },
  'provincial-pc-chair': { agency: 'ỦY BAN NHÂN DÂN {province}', head: 'CHỦ TỊCH', collective: 'ỦY BAN NHÂN DÂN' },
  'provincial-police-director': { agency: 'CÔNG AN {province}', head: 'GIÁM ĐỐC' },
  'rehab-facility': { parent: 'CÔNG AN {province}', agency: '{body}', head: 'GIÁM ĐỐC' },
  'determination-facility': { parent: 'SỞ Y TẾ {province}', agency: '{body}', head: 'GIÁM ĐỐC' },
  'regional-court': { agency: '{body}', head: 'THẨM PHÁN' },
  'district-court': { agency: '{body}', head: 'THẨM PHÁN' },
  'provincial-court': { agency: '{body}', head: 'THẨM PHÁN' },
};

/** Thrown when the template's issuer names no law value, or a role this table cannot write. */
export class IssuerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuerError';
  }
}

export interface Issuer {
  role: string;
  /** The office as the law names it (role.*.office.vi), for the record. */
  office: string | undefined;
  /** Texts with `{unit.…}` placeholders, filled like the rest of the template. */
  parent: string | undefined;
  agency: string;
  head: string;
  /** The issuing authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …"), with unit placeholders. */
  authority: string;
  /** The collective body the head signs for ("TM. ỦY BAN NHÂN DÂN"), if any. */
  collective: string | undefined;
  /** The law value's basis (citation), for the footnote. */
  basis: string | undefined;
}

type LawValues = Record<string, Record<string, unknown> | undefined>;

const unitText = (text: string): string =>
  text.replace(/\{(commune|province|body)\}/g, (_, k: string) => `{unit.${k}|upper}`);

/** Resolves `issuer` (a law path) against the law values of the case's version and overlay. */
export function resolveIssuer(path: string, values: LawValues): Issuer {
  const entry = values[path];
  if (!entry) throw new IssuerError(`issuer "${path}" is not a value of this law version`);
  let role: string;
  if (path.startsWith('authority.')) {
    const roles = entry.roles;
    if (!Array.isArray(roles) || typeof roles[0] !== 'string') {
      throw new IssuerError(`law value "${path}" has no roles`);
    }
    role = roles[0];
  } else if (path.startsWith('role.')) role = path.slice(5);
  else throw new IssuerError(`issuer "${path}" must be an authority.* or role.* law path`);
  const form = OFFICES[role];
  if (!form) throw new IssuerError(`no document heading known for role "${role}" (${Object.keys(OFFICES).join(', ')})`);
  const office = values[`role.${role}`]?.office as { vi?: string } | undefined;
  return {
    role,
    office: office?.vi,
    parent: form.parent && unitText(form.parent),
    agency: unitText(form.agency),
    head: form.head,
    authority: unitText(form.authority ?? `${form.head} ${form.agency}`),
    collective: form.collective,
    basis: typeof entry.basis === 'string' ? entry.basis : undefined,
  };
}
