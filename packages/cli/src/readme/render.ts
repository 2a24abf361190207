/**
 * Writes `workflows/<id>/README.md` from the procedure model, the law book and the content around it:
 * title, summary, how to walk it, diagram, steps, events per state, then the law sections
 * (render-law.ts) and the hand-written NOTES.md. Deterministic: same input, same bytes.
 */
import type { ProvinceOverlay, ResolvedLaw } from '@hoso/workflow';
import type { LawBook } from './law.js';
import { guardText } from './guards.js';
import { both, code, table } from './markdown.js';
import { mermaid } from './mermaid.js';
import type { EventInfo, ProcedureModel, StateInfo } from './model.js';
import { renderLawSections, deadlineValue, lengthOf } from './render-law.js';
import { shortestPaths } from './paths.js';

export interface ReadmeInput {
  model: ProcedureModel;
  law: LawBook;
  overlays: ProvinceOverlay[];
  /** Form ids that exist under schemas/. */
  existingForms: ReadonlySet<string>;
  /** Scenario files for this procedure, relative to the workspace root (`examples/scenarios/x.json`). */
  scenarios: string[];
  /** Text of workflows/<id>/NOTES.md, if any. */
  notes?: string;
}

export const EVIDENCE_LEGEND =
  'Chứng cứ / Evidence: **V** đã đọc văn bản gốc / read in the official text; **V-sec** nguồn thứ cấp / secondary source; ' +
  '**BK** hiểu biết nền, chưa kiểm chứng / background knowledge, not verified; **INF** suy luận / inference.';

/** A form id as a link to its folder, or marked as not written yet. */
export function formLink(form: string, existing: ReadonlySet<string>): string {
  return existing.has(form) ? `[${form}](../../schemas/${form}/)` : `${code(form)} (chưa có / not written yet)`;
}

function whoActs(roles: readonly string[], law: LawBook): string {
  if (!roles.length) return '—';
  return law.byPeriod((l: ResolvedLaw) => law.who(roles, l), '<br>');
}

function stepsTable(input: ReadmeInput): string[] {
  const { model, law } = input;
  const rows = model.states.map((s) => {
    const forms = [...s.forms, ...s.events.map((e) => e.meta.form).filter((f): f is string => !!f)];
    const limits = s.deadlines.map((d) => {
      const v = law.byPeriod((l) => {
        const dv = deadlineValue(d, l);
        return dv ? `${lengthOf(dv)} (${dv.basis})` : '—';
      });
      return `${code(d.id)}: ${v}`;
    });
    return [
      `${code(s.id)}${s.final ? ' (kết thúc / final)' : ''}<br>${both(s.title)}`,
      s.final ? '—' : whoActs(s.roles, law),
      [...new Set(forms)].map((f) => formLink(f, input.existingForms)).join('<br>') || '—',
      limits.join('<br>') || '—',
    ];
  });
  return table(
    ['Bước / Step', 'Ai thực hiện / Who acts', 'Biểu mẫu / Form', 'Thời hạn (căn cứ) / Time limit (basis)'],
    rows,
  );
}

function needs(e: EventInfo, b: EventInfo['branches'][number], input: ReadmeInput): string {
  const parts: string[] = [];
  if (e.meta.form) parts.push(`biểu mẫu / form ${formLink(e.meta.form, input.existingForms)}`);
  parts.push(`dữ liệu / data → ${code(e.meta.dataKey ?? e.type)}`);
  if (b.description) parts.push(b.description);
  const g = guardText(b.guard);
  if (g) parts.push(`điều kiện / guard: ${g}`);
  if (b.tracks.length) parts.push(`track ${b.tracks.map(code).join(', ')}`);
  if (b.documents.length) parts.push(`cấp / issues ${b.documents.map(code).join(', ')}`);
  return parts.join('; ');
}

function stateSection(s: StateInfo, input: ReadmeInput): string[] {
  const { law, model } = input;
  const out = [`### ${code(s.id)} — ${both(s.title)}`, ''];
  if (s.parent) out.push(`Thuộc bước / Inside step ${code(s.parent.id)}.`, '');
  if (s.initial) out.push(`Vào bước con đầu tiên / Enters the sub-step ${code(s.initial)} first.`, '');
  for (const b of s.def.meta?.basis ?? []) out.push(`- Căn cứ / Basis: ${b.citation} [${b.evidence}]`);
  if (s.def.meta?.basis?.length) out.push('');
  if (s.final) {
    out.push('Bước kết thúc: không nhận sự kiện nào. / Final step: accepts no events.', '');
    return out;
  }
  if (!s.events.length) {
    const inherited = s.parent ? ` ${code(s.parent.id)}` : '';
    out.push(
      `Không có sự kiện riêng; xem bước cha${inherited}. / No events of its own; see the parent step${inherited}.`,
      '',
    );
    return out;
  }
  const rows: string[][] = [];
  for (const e of s.events) {
    const who = law.byPeriod((l) => law.who(e.roles, l), '<br>');
    const title = e.meta.title ? `<br>${both(e.meta.title)}` : '';
    for (const b of e.branches) {
      const target = b.target ? model.byId.get(b.target) : undefined;
      const goes = target ? `${code(target.id)}` : '(ở lại / stays)';
      rows.push([`${code(e.type)}${title}`, who, needs(e, b, input), goes]);
    }
  }
  out.push(
    ...table(['Sự kiện / Event', 'Ai được gửi / Who may send', 'Cần gì / What it needs', 'Đi tới / Goes to'], rows),
    '',
  );
  return out;
}

function walkSection(input: ReadmeInput): string[] {
  const { model } = input;
  const id = model.definition.id;
  const out = ['## Cách chạy thử / How to walk it', ''];
  out.push(
    `1. Xây dựng một lần / Build once: \`npx tsc -b && node packages/cli/bin/hoso.mjs build\`.`,
    `2. Chạy một kịch bản (mỗi sự kiện được chấp nhận hoặc bị từ chối kèm lý do) / Run a scenario (each event is accepted or refused with the reason):`,
    '',
  );
  if (input.scenarios.length) {
    for (const f of input.scenarios)
      out.push(`   - [${f.split('/').pop()}](../../${f}): \`node packages/cli/bin/hoso.mjs simulate ${f}\``);
  } else {
    out.push(
      `   - chưa có kịch bản / no scenario yet: viết / write \`examples/scenarios/${id}-<name>.json\` ({ procedure: "${id}", person, events, now }).`,
    );
  }
  const forms = model.forms.filter((f) => input.existingForms.has(f));
  out.push(
    '',
    `3. Xem biểu mẫu trong Storybook / See the forms in Storybook: \`npx -y pnpm@12.21.0 storybook\`, mục / section ` +
      `**Procedure forms/${id}** (trống, hợp lệ, từng lỗi, vi/en / empty, valid, each invalid fixture, vi/en)` +
      (forms.length ? `: ${forms.map(code).join(', ')}.` : ' (chưa có biểu mẫu / no form yet).'),
    `4. Đi từng bước theo bảng dưới: bắt đầu ở ${code(model.definition.initial)}, gửi một sự kiện mà bước hiện tại nhận, ` +
      `với dữ liệu thỏa điều kiện. / Walk the tables below: start in ${code(model.definition.initial)}, send an event ` +
      'the current step accepts, with data that meets its guard.',
    '',
    'Đường ngắn nhất tới từng kết thúc / Shortest way to each end:',
    '',
  );
  for (const [end, steps] of shortestPaths(model)) {
    const title = model.byId.get(end)!.title;
    out.push(`- ${code(end)} (${both(title)}): ${code(model.definition.initial)}`);
    for (const st of steps)
      out.push(`  - ${code(st.event)} → ${code(st.to)}${st.description ? ` (${st.description})` : ''}`);
  }
  out.push('');
  return out;
}

export function renderReadme(input: ReadmeInput): string {
  const { model } = input;
  const def = model.definition;
  const finals = model.states.filter((s) => s.final).map((s) => code(s.id));
  const out: string[] = [
    `# ${def.title.vi} / ${def.title.en}`,
    '',
    `<!-- Sinh bởi / Generated by \`hoso readme\` từ / from workflows/${def.id}/machine.json, workflows/law, workflows/overlays, schemas/. ` +
      `Không sửa tay; ghi chú viết vào / Do not edit; write notes in workflows/${def.id}/NOTES.md. -->`,
    '',
    `Thủ tục / Procedure ${code(def.id)}, phiên bản / version ${code(def.version)}.`,
    '',
    '## Tóm tắt / Summary',
    '',
  ];
  if (def.description) out.push(def.description.vi, '', def.description.en, '');
  out.push(
    `${model.states.length} bước / steps, ${new Set(model.states.flatMap((s) => s.events.map((e) => e.type))).size} ` +
      `loại sự kiện / event types, ${model.states.reduce((n, s) => n + s.deadlines.length, 0)} thời hạn / time limits. ` +
      `Bắt đầu / Starts at ${code(def.initial)}; kết thúc / ends at ${finals.join(', ') || '—'}.`,
    '',
    ...walkSection(input),
    '## Sơ đồ / Diagram',
    '',
    ...mermaid(model),
    '',
    '## Các bước / Steps',
    '',
    ...stepsTable(input),
    '',
    '## Sự kiện theo bước / Events each step accepts',
    '',
    EVIDENCE_LEGEND,
    '',
  );
  for (const s of model.states) out.push(...stateSection(s, input));
  out.push(...renderLawSections(input));
  out.push('## Ghi chú / Notes', '');
  out.push(input.notes?.trim() ? input.notes.trim() : 'Chưa có ghi chú / No notes (`NOTES.md`).');
  return out.join('\n') + '\n';
}
