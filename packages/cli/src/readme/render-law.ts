/**
 * The law sections of a generated procedure README: time limits (length, unit, counting, basis and
 * evidence per law version), documents issued, the law versions and what changed between them for
 * this procedure, and every value the law leaves uncertain with its baseline and province overrides.
 */
import type { DeadlineRule, ResolvedLaw } from '@hoso/workflow';
import { lengthText, unitText, UNCERTAIN, type LawBook } from './law.js';
import { scopePath } from './guards.js';
import { both, code, table } from './markdown.js';
import { documentIssuers, type ProcedureModel } from './model.js';
import type { ReadmeInput } from './render.js';

export interface DeadlineValue {
  /** The length; for a length read from the case data, the fallback (if any). */
  n?: number;
  unit: string;
  /** Dotted case-data path holding the length, for a rule `n: { data }`. */
  data?: string;
  basis: string;
  evidence: string;
  uncertain: boolean;
  note?: string;
}

/** A deadline rule's `n`: a number, a law value, or a number in the case data (with an optional law fallback). */
type LengthRef = number | { law?: string; optional?: boolean; data?: string };

/** A deadline rule's length under one law version, or undefined when that version sets none. */
export function deadlineValue(d: DeadlineRule, law: ResolvedLaw): DeadlineValue | undefined {
  const n = d.n as LengthRef;
  if (typeof n === 'number') {
    return { n, unit: d.unit ?? '?', basis: d.basis ?? '?', evidence: d.evidence ?? '?', uncertain: false };
  }
  const v = n.law ? law.values[n.law] : undefined;
  if (n.data !== undefined) {
    return {
      ...(v && typeof v.n === 'number' ? { n: v.n } : {}),
      unit: d.unit ?? (v ? String(v.unit) : '?'),
      data: scopePath(n.data),
      basis: d.basis ?? v?.basis ?? '?',
      evidence: d.evidence ?? v?.evidence ?? '?',
      uncertain: v?.uncertain === true,
      ...(v?.note ? { note: v.note } : {}),
    };
  }
  if (!v || typeof v.n !== 'number') return undefined;
  return {
    n: v.n,
    unit: String(v.unit),
    basis: v.basis,
    evidence: v.evidence,
    uncertain: v.uncertain === true,
    ...(v.note ? { note: v.note } : {}),
  };
}

/** `5 ngày làm việc / 5 working days`, or for a length in the case data the path, its unit and the fallback. */
export function lengthOf(v: DeadlineValue): string {
  const fixed = v.n === undefined ? undefined : lengthText(v.n, v.unit);
  const text = v.data
    ? `số ở / the number at ${code(v.data)} (${unitText(v.unit)})${fixed ? `; nếu thiếu / if absent: ${fixed}` : ''}`
    : (fixed ?? '?');
  return v.uncertain ? `${text} ${UNCERTAIN}` : text;
}

/** What the rule's length comes from. */
function lengthSource(d: DeadlineRule): string {
  const n = d.n as LengthRef;
  if (typeof n === 'number') return 'cố định trong machine.json / fixed in machine.json';
  if (n.data !== undefined) {
    const fallback = n.law ? `; dự phòng / fallback ${code(n.law)}` : '';
    return `số trong dữ liệu hồ sơ / a number in the case data: ${code(scopePath(n.data))}${fallback}`;
  }
  const optional = n.optional
    ? ' (không có thời hạn khi phiên bản luật không đặt / no time limit where the law version sets none)'
    : '';
  return `${code(n.law ?? '?')}${optional}`;
}

/** A rule may run from a date in the case data (`start: { data }`) instead of the event's moment. */
function startLine(d: DeadlineRule): string[] {
  const start = (d as { start?: { data?: string } }).start;
  return start?.data ? [`- Tính từ / Runs from: ngày ở / the date at ${code(scopePath(start.data))}.`] : [];
}

function counting(d: DeadlineRule, unit: string): string {
  const shift = d.shift !== false;
  const period =
    d.kind === 'period'
      ? ' Đây là một thời hạn phải chạy hết (kết thúc sau đó không bị coi là trễ). / A term that must run out (ending it afterwards is not late).'
      : '';
  const rest = shift
    ? ' Nếu ngày cuối là ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo. / If the last day is a rest day it ends on the next working day.'
    : ' Không dời sang ngày làm việc. / Not moved to a working day.';
  switch (unit) {
    case 'workingDays':
      return (
        'Ngày làm việc, tính từ ngày hôm sau sự kiện, bỏ qua cuối tuần và ngày nghỉ lễ (BLDS 2015 Điều 147–148). / ' +
        'Working days from the day after the event, skipping weekends and holidays (Civil Code 2015 Art. 147–148).' +
        period
      );
    case 'hours':
      return (
        'Giờ liên tục từ thời điểm sự kiện, kể cả cuối tuần và ngày lễ. / Clock hours from the moment of the event, ' +
        'through weekends and holidays.' +
        period
      );
    default:
      return (
        'Ngày/tháng theo lịch, tính từ ngày hôm sau sự kiện (BLDS 2015 Điều 144–148). / Calendar days/months from the ' +
        'day after the event (Civil Code 2015 Art. 144–148).' +
        rest +
        period
      );
  }
}

function timeLimits(input: ReadmeInput): string[] {
  const { model, law } = input;
  const out = ['## Thời hạn / Time limits', ''];
  let any = false;
  for (const s of model.states)
    for (const d of s.deadlines) {
      any = true;
      out.push(`### ${code(d.id)} — ${both(d.title)} (${code(s.id)})`, '');
      const units = new Set(law.versions.map((l) => deadlineValue(d, l)?.unit).filter((u): u is string => !!u));
      out.push(
        `- Bắt đầu khi / Starts on: ${code(d.from)}; đáp ứng bởi / met by: ${d.until.map(code).join(', ')}.`,
        `- Giá trị luật / Law value: ${lengthSource(d)}.`,
        ...startLine(d),
        ...[...units].map((u) => `- Cách tính / Counting (${u}): ${counting(d, u)}`),
        '',
      );
      const rows = law
        .periods((l) => deadlineValue(d, l) ?? null)
        .map((p) => {
          const v = p.value;
          const when = law.label(p) || 'mọi phiên bản / every version';
          if (!v) return [when, '— (không áp dụng / does not apply)', '', '', ''];
          return [when, lengthOf(v), v.basis, v.evidence, v.note ?? ''];
        });
      out.push(
        ...table(
          [
            'Phiên bản luật / Law version',
            'Độ dài / Length',
            'Căn cứ / Basis',
            'Chứng cứ / Evidence',
            'Ghi chú / Note',
          ],
          rows,
        ),
        '',
      );
    }
  if (!any) out.push('Không có thời hạn / No time limits.', '');
  return out;
}

function documents(input: ReadmeInput): string[] {
  const { model, law } = input;
  const out = ['## Giấy tờ được cấp / Documents issued', ''];
  const docs = Object.entries(model.definition.meta?.documents ?? {});
  if (!docs.length) return [...out, 'Không có / None.', ''];
  const issuers = documentIssuers(model);
  const rows = docs.map(([id, d]) => [
    `${code(id)}<br>${both(d.title)}`,
    (issuers.get(id) ?? []).map((x) => `${code(x.event)} ở / in ${code(x.state)}`).join('<br>') || '—',
    d.form ? law.byPeriod((l) => law.valueText(l.values[d.form!.law], l), '<br>') : '—',
    d.form ? code(d.form.law) : '—',
  ]);
  out.push(
    ...table(['Giấy tờ / Document', 'Cấp khi / Issued on', 'Mẫu / Form code', 'Giá trị luật / Law value'], rows),
    '',
  );
  return out;
}

/** Law paths this procedure reads, with the roles and authorities it names and the roles those expand to. */
export function relevantPaths(model: ProcedureModel, law: LawBook): string[] {
  const paths = new Set(model.lawPaths);
  for (const r of model.roles.keys()) {
    for (const l of law.versions) {
      if (l.values[`authority.${r}`]) paths.add(`authority.${r}`);
      for (const x of law.expand(r, l)) if (l.values[`role.${x}`]) paths.add(`role.${x}`);
    }
  }
  return [...paths].sort();
}

function versions(input: ReadmeInput, paths: string[]): string[] {
  const { law } = input;
  const out = ['## Phiên bản luật áp dụng / Law versions that apply', ''];
  out.push(
    'Một hồ sơ áp dụng phiên bản có hiệu lực vào ngày của sự kiện khởi đầu. / A case pins the version in force on the date it starts.',
    '',
    ...table(
      ['Hiệu lực / Effective', 'Phiên bản / Version', 'Tên / Title', 'Căn cứ / Basis'],
      law.versions.map((l) => [l.effective, code(l.id), both(l.title), l.basis]),
    ),
    '',
    '### Những gì thay đổi / What changed',
    '',
  );
  law.versions.forEach((l, i) => {
    const prev = law.versions[i - 1];
    if (!prev) return;
    const changed = paths
      .filter((p) => JSON.stringify(l.values[p] ?? null) !== JSON.stringify(prev.values[p] ?? null))
      .filter((p) => l.values[p]?.setIn === l.id || (!l.values[p] && prev.values[p]));
    out.push(
      `- ${code(l.id)} (${l.effective}):${changed.length ? '' : ' không thay đổi gì liên quan / nothing relevant to this procedure changed.'}`,
    );
    for (const p of changed) {
      const [before, after] = [law.valueText(prev.values[p], prev), law.valueText(l.values[p], l)];
      const basis = l.values[p]?.basis;
      out.push(
        before === after && basis
          ? `  - ${code(p)}: ${after}, căn cứ mới / new basis: ${basis}`
          : `  - ${code(p)}: ${before} → ${after}`,
      );
    }
  });
  out.push('');
  return out;
}

function uncertain(input: ReadmeInput, paths: string[]): string[] {
  const { law, overlays } = input;
  const out = ['## Điều luật chưa chắc chắn / What is uncertain in law', ''];
  let any = false;
  for (const p of paths) {
    const ps = law.periods((l) => {
      const v = l.values[p];
      return v?.uncertain
        ? { text: law.valueText(v, l, false), note: v.note ?? '', basis: v.basis, evidence: v.evidence }
        : null;
    });
    if (!ps.some((x) => x.value)) continue;
    any = true;
    out.push(`- ${code(p)}`);
    for (const x of ps) {
      if (!x.value) continue;
      const when = law.label(x) || 'mọi phiên bản / every version';
      out.push(
        `  - ${when}: mặc định / baseline ${x.value.text}. ${x.value.note} (${x.value.basis} [${x.value.evidence}])`,
      );
    }
    for (const o of overlays)
      for (const ov of o.overrides.filter((ov) => ov.path === p)) {
        const vs = ov.law ? ov.law.map(code).join(', ') : 'mọi phiên bản / every version';
        out.push(
          `  - Tỉnh / Province ${code(o.province)} ${both(o.name)} (workflows/overlays/${o.province}.json, ${vs}): ` +
            `${law.valueText({ ...ov.value, basis: ov.basis, evidence: ov.evidence, setIn: o.province }, law.versions.at(-1)!, false)}` +
            ` — ${ov.basis} [${ov.evidence}]`,
        );
      }
  }
  if (!any) out.push('Không có giá trị nào được đánh dấu chưa chắc chắn / No value is marked uncertain.', '');
  else
    out.push(
      '',
      'Cách một tỉnh ghi đè / How a province overrides one: thêm vào / add to `workflows/overlays/<mã tỉnh / province code>.json` ' +
        'một mục / an entry `{ "path": "<giá trị / value>", "value": { … }, "law": ["<phiên bản / version>"], "basis": "…", "evidence": "…" }` ' +
        'trong / in `overrides`. Chỉ giá trị chưa chắc chắn mới được ghi đè / Only uncertain values can be overridden.',
      '',
    );
  return out;
}

export function renderLawSections(input: ReadmeInput): string[] {
  const paths = relevantPaths(input.model, input.law);
  return [...timeLimits(input), ...documents(input), ...versions(input, paths), ...uncertain(input, paths)];
}
