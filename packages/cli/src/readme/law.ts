/**
 * The law as `hoso readme` shows it: every law version resolved (oldest first), roles expanded to
 * offices per version, values written as bilingual text, and runs of versions that agree collapsed
 * into one period ("2022-01-01 – 2025-06-30: …", "from 2026-07-01: …").
 */
import { resolveLaw, type LawVersionFile, type ResolvedLaw, type ResolvedValue, type Text } from '@hoso/workflow';

export interface Period<T> {
  /** First version of the run. */
  from: ResolvedLaw;
  /** Last version of the run. */
  to: ResolvedLaw;
  value: T;
}

const UNIT: Record<string, Text> = {
  workingDays: { vi: 'ngày làm việc', en: 'working days' },
  days: { vi: 'ngày', en: 'days' },
  months: { vi: 'tháng', en: 'months' },
  hours: { vi: 'giờ', en: 'hours' },
};

/** `ngày làm việc / working days`. */
export function unitText(unit: string): string {
  const u = UNIT[unit] ?? { vi: unit, en: unit };
  return `${u.vi} / ${u.en}`;
}

/** `5 ngày làm việc / 5 working days`. */
export function lengthText(n: number, unit: string): string {
  const u = UNIT[unit] ?? { vi: unit, en: unit };
  return `${n} ${u.vi} / ${n} ${u.en}`;
}

export const UNCERTAIN = '(chưa chắc chắn / uncertain)';

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export class LawBook {
  /** Resolved versions, oldest first. */
  readonly versions: ResolvedLaw[];
  readonly files: LawVersionFile[];

  constructor(files: readonly LawVersionFile[]) {
    this.files = [...files].sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
    this.versions = this.files.map((f) => resolveLaw(this.files, f.id));
  }

  /** Whether any version knows the role (`role.<r>`) or authority (`authority.<r>`). */
  knows(role: string): boolean {
    return this.versions.some((l) => l.values[`role.${role}`] || l.values[`authority.${role}`]);
  }

  /** `2022-01-01 – 2025-06-30`, `từ / from 2026-07-01`, or '' when one period covers every version. */
  label(p: Period<unknown>): string {
    const last = this.versions[this.versions.length - 1];
    const next = this.versions[this.versions.indexOf(p.to) + 1];
    if (p.from === this.versions[0] && p.to === last) return '';
    if (!next) return `từ / from ${p.from.effective}`;
    return `${p.from.effective} – ${dayBefore(next.effective)}`;
  }

  /** Runs of consecutive versions whose `fn` results are equal (compared as JSON). */
  periods<T>(fn: (law: ResolvedLaw) => T): Period<T>[] {
    const out: Period<T>[] = [];
    for (const law of this.versions) {
      const value = fn(law);
      const prev = out[out.length - 1];
      if (prev && JSON.stringify(prev.value) === JSON.stringify(value)) prev.to = law;
      else out.push({ from: law, to: law, value });
    }
    return out;
  }

  /** Periods as one line: `a` when every version agrees, else `2022-01-01 – 2025-06-30: a; từ / from 2026-07-01: b`. */
  byPeriod(fn: (law: ResolvedLaw) => string, sep = '; '): string {
    const ps = this.periods(fn);
    if (ps.length === 1) return ps[0]!.value;
    return ps.map((p) => `${this.label(p)}: ${p.value}`).join(sep);
  }

  /** Abstract roles a named role stands for under `law` (an authority expands to its roles). */
  expand(role: string, law: ResolvedLaw): string[] {
    const auth = law.values[`authority.${role}`];
    return auth && Array.isArray(auth.roles) ? (auth.roles as string[]) : [role];
  }

  /** `Trưởng Công an cấp xã / Head of commune police`, or the role name when the law gives no office. */
  office(role: string, law: ResolvedLaw): string {
    const o = law.values[`role.${role}`]?.office as Text | undefined;
    return o ? `${o.vi} / ${o.en}` : `\`${role}\``;
  }

  /** Who a list of named roles means under `law`: `` `voluntary-decision` → Chủ tịch … / Chairperson … ``. */
  who(roles: readonly string[], law: ResolvedLaw): string {
    return roles
      .map((r) => {
        const auth = law.values[`authority.${r}`];
        const offices = this.expand(r, law)
          .map((x) => this.office(x, law))
          .join(', ');
        if (!auth) return offices;
        return `\`${r}\` → ${offices}${auth.uncertain ? ` ${UNCERTAIN}` : ''}`;
      })
      .join('; ');
  }

  /** A law value as text: a length, offices, a form code, a flag, else its fields. */
  valueText(v: ResolvedValue | undefined, law: ResolvedLaw, mark = true): string {
    if (!v) return '— (không có trong phiên bản này / not in this version)';
    let text: string;
    if (typeof v.n === 'number' && typeof v.unit === 'string') text = lengthText(v.n, v.unit);
    else if (Array.isArray(v.roles)) text = (v.roles as string[]).map((r) => this.office(r, law)).join(', ');
    else if (v.office && typeof v.office === 'object') text = `${(v.office as Text).vi} / ${(v.office as Text).en}`;
    else if ('code' in v) text = v.code === null || v.code === undefined ? '— (chưa có mã / no code)' : String(v.code);
    else {
      const skip = new Set(['basis', 'evidence', 'uncertain', 'note', 'setIn', 'overlay']);
      text = Object.entries(v)
        .filter(([k]) => !skip.has(k))
        .map(([k, x]) => `${k}: ${JSON.stringify(x)}`)
        .join(', ');
    }
    return v.uncertain && mark ? `${text} ${UNCERTAIN}` : text;
  }

  /** The file of a version. */
  file(id: string): LawVersionFile | undefined {
    return this.files.find((f) => f.id === id);
  }
}
