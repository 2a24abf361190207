/**
 * Law as effective-dated data: time limits, durations, deciding authorities, offices and document
 * form codes, each with its legal basis and evidence tag. A version may extend an earlier one and
 * change only what changed. Values the law leaves uncertain carry `uncertain: true` and may be
 * overridden by a province overlay; nothing else may.
 */
import { dayNumber } from '../time/dates.js';

/** Evidence tags of procedures.md §0.1. */
export type Evidence = 'V' | 'V-sec' | 'BK' | 'INF';
export const EVIDENCE: readonly Evidence[] = ['V', 'V-sec', 'BK', 'INF'];

export interface Text {
  vi: string;
  en: string;
}

/** One value of the law, e.g. `{ n: 3, unit: "workingDays", basis, evidence }` or `{ roles: [...], basis, evidence }`. */
export interface LawValue {
  basis: string;
  evidence: Evidence;
  uncertain?: boolean;
  note?: string;
  [field: string]: unknown;
}

export interface LawVersionFile {
  id: string;
  effective: string;
  extends?: string;
  title: Text;
  basis: string;
  /** Flat map: `timeLimits.voluntaryDecision`, `authority.voluntary-decision`, `role.commune-pc-chair`, … */
  values: Record<string, LawValue | null>;
}

export interface ResolvedValue extends LawValue {
  /** The version file that set this value. */
  setIn: string;
  /** Present when a province overlay replaced the law's value. */
  overlay?: { province: string; basis: string };
}

export interface ResolvedLaw {
  id: string;
  effective: string;
  title: Text;
  basis: string;
  /** Oldest first: the versions this one is built from. */
  chain: string[];
  province?: string;
  values: Record<string, ResolvedValue>;
}

export interface OverlayOverride {
  /** Law versions this override applies to (ids); omit for all. */
  law?: string[];
  path: string;
  value: Record<string, unknown>;
  basis: string;
  evidence: Evidence;
  note?: string;
}

export interface ProvinceOverlay {
  province: string;
  name: Text;
  overrides: OverlayOverride[];
}

export class LawDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LawDataError';
  }
}

function checkValue(where: string, v: unknown): asserts v is LawValue {
  if (!v || typeof v !== 'object') throw new LawDataError(`${where}: must be an object with basis and evidence`);
  const o = v as Record<string, unknown>;
  if (typeof o.basis !== 'string' || !o.basis) throw new LawDataError(`${where}: "basis" (legal citation) is required`);
  if (!EVIDENCE.includes(o.evidence as Evidence)) {
    throw new LawDataError(`${where}: "evidence" must be one of ${EVIDENCE.join(', ')}`);
  }
  if (o.uncertain === true && (typeof o.note !== 'string' || !o.note)) {
    throw new LawDataError(`${where}: an uncertain value needs a "note" saying what is uncertain`);
  }
}

/** Resolves a version with everything it extends. */
export function resolveLaw(files: readonly LawVersionFile[], id: string): ResolvedLaw {
  const byId = new Map(files.map((f) => [f.id, f]));
  const chain: LawVersionFile[] = [];
  for (let f = byId.get(id); f; f = f.extends ? byId.get(f.extends) : undefined) {
    if (chain.includes(f)) throw new LawDataError(`law ${id}: "extends" loops through ${f.id}`);
    chain.unshift(f);
    if (f.extends && !byId.has(f.extends)) {
      throw new LawDataError(`law ${f.id}: extends unknown version ${JSON.stringify(f.extends)}`);
    }
  }
  const top = chain[chain.length - 1];
  if (!top) throw new LawDataError(`no law version ${JSON.stringify(id)} (known: ${[...byId.keys()].join(', ')})`);
  const values: Record<string, ResolvedValue> = {};
  for (const f of chain) {
    dayNumber(f.effective, `law ${f.id}/effective`);
    for (const [path, v] of Object.entries(f.values ?? {})) {
      if (v === null) {
        delete values[path];
        continue;
      }
      checkValue(`law ${f.id}/values/${path}`, v);
      values[path] = { ...v, setIn: f.id };
    }
  }
  return {
    id: top.id,
    effective: top.effective,
    title: top.title,
    basis: top.basis,
    chain: chain.map((f) => f.id),
    values,
  };
}

/** The version in force on a date: the latest whose `effective` is on or before it. */
export function selectLawVersion(files: readonly LawVersionFile[], date: string): LawVersionFile {
  const day = dayNumber(date, 'date');
  let best: LawVersionFile | undefined;
  for (const f of files) {
    if (dayNumber(f.effective, `law ${f.id}/effective`) <= day && (!best || f.effective > best.effective)) best = f;
  }
  if (!best) {
    const earliest = [...files].map((f) => f.effective).sort()[0];
    throw new LawDataError(`no law version in force on ${date} (earliest: ${earliest ?? 'none loaded'})`);
  }
  return best;
}

/** Applies a province overlay; only values marked uncertain may be replaced. */
export function applyOverlay(law: ResolvedLaw, overlay: ProvinceOverlay): ResolvedLaw {
  const values = { ...law.values };
  overlay.overrides.forEach((o, i) => {
    const where = `overlay ${overlay.province}/overrides/${i}`;
    if (o.law && !o.law.includes(law.id)) return;
    const current = values[o.path];
    if (!current) throw new LawDataError(`${where}: law ${law.id} has no value "${o.path}" to override`);
    if (current.uncertain !== true) {
      throw new LawDataError(
        `${where}: "${o.path}" is settled law in ${law.id} (not marked uncertain); it cannot be overridden`,
      );
    }
    if (typeof o.basis !== 'string' || !o.basis) throw new LawDataError(`${where}: "basis" is required`);
    values[o.path] = {
      ...current,
      ...o.value,
      basis: current.basis,
      evidence: current.evidence,
      uncertain: true,
      note: o.note ?? current.note,
      overlay: { province: overlay.province, basis: o.basis },
    };
  });
  return { ...law, province: overlay.province, values };
}

/** A value by path, or undefined. */
export function lawValue(law: ResolvedLaw, path: string): ResolvedValue | undefined {
  return law.values[path];
}

/** Every value marked uncertain, for reports. */
export function uncertainValues(law: ResolvedLaw): { path: string; note: string; basis: string }[] {
  return Object.entries(law.values)
    .filter(([, v]) => v.uncertain === true)
    .map(([path, v]) => ({ path, note: v.note ?? '', basis: v.basis }));
}
