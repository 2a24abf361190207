/**
 * The meta of a snapshot's active state nodes merged into one: what the current step is called, who acts, which
 * events, deadlines, documents, legal basis and forms it has. Outermost node first, the innermost wins.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { StateMeta, EventMeta } from '../definition/types.js';
import type { Text } from '../law/law-version.js';

/** Merged meta of the active state nodes (outermost first, innermost wins). */
export interface ActiveMeta {
  title: Text;
  roles: string[];
  events: Record<string, EventMeta>;
  deadlines: NonNullable<StateMeta['deadlines']>;
  documents: string[];
  basis: StateMeta['basis'];
  forms: string[];
}

/** The merged meta of `snapshot`'s active state nodes. */
export function activeMetaOf(snapshot: AnyMachineSnapshot): ActiveMeta {
  const metas = Object.values(snapshot.getMeta() as Record<string, StateMeta | undefined>).filter(
    (m): m is StateMeta => !!m,
  );
  const out: ActiveMeta = {
    title: { vi: '', en: '' },
    roles: [],
    events: {},
    deadlines: [],
    documents: [],
    basis: [],
    forms: [],
  };
  for (const m of metas) {
    out.title = m.title ?? out.title;
    if (m.roles) out.roles = m.roles;
    out.events = { ...out.events, ...m.events };
    out.deadlines.push(...(m.deadlines ?? []));
    out.documents.push(...(m.documents ?? []));
    if (m.basis?.length) out.basis = m.basis;
    if (m.form) out.forms.push(...(Array.isArray(m.form) ? m.form : [m.form]));
  }
  return out;
}
