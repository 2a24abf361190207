/**
 * A procedure as a Mermaid `stateDiagram-v2`: compound states as nested blocks, each state labelled
 * with its Vietnamese title, each transition labelled with its event, final states to `[*]`.
 * Transitions that stay in the state are left out (the events table lists them).
 */
import type { ProcedureModel, StateInfo } from './model.js';

const mid = (id: string): string => id.replace(/[^A-Za-z0-9]/g, '_');
const label = (s: string): string =>
  s
    .replace(/["\n:;#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function mermaid(model: ProcedureModel): string[] {
  const lines = ['```mermaid', 'stateDiagram-v2'];
  const block = (nodes: StateInfo[], initial: string | undefined, indent: string): void => {
    if (initial) lines.push(`${indent}[*] --> ${mid(initial)}`);
    for (const s of nodes) {
      lines.push(`${indent}state "${label(s.title.vi)} (${s.name})" as ${mid(s.id)}`);
      if (s.children.length) {
        lines.push(`${indent}state ${mid(s.id)} {`);
        block(s.children, s.initial, `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (s.final) lines.push(`${indent}${mid(s.id)} --> [*]`);
    }
  };
  const top = model.states.filter((s) => !s.parent);
  block(top, model.definition.initial, '  ');
  const seen = new Set<string>();
  for (const s of model.states)
    for (const e of s.events)
      for (const b of e.branches) {
        if (!b.target || b.target === s.id) continue;
        const edge = `  ${mid(s.id)} --> ${mid(b.target)} : ${e.type}`;
        if (!seen.has(edge)) {
          seen.add(edge);
          lines.push(edge);
        }
      }
  lines.push('```');
  return lines;
}
