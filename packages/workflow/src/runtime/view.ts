/** The read model of a case at a given `now`: derived on every read, never stored. */
import { deadlineStatus } from '../time/deadline.js';
import { formatInstant, parseInstant } from '../time/dates.js';
import type { Case, CaseView } from './case.js';
import type { Procedure } from './procedure.js';

export function buildView(proc: Procedure, c: Case, options: { now: string; roles?: string[] }): CaseView {
  const now = parseInstant(options.now, 'now');
  const law = proc.law(c.lawVersion, c.province);
  const snap = proc.snapshotOf(c);
  const meta = proc.activeMeta(snap);
  const allowedEvents =
    c.status === 'closed'
      ? []
      : proc
          .eventsInState(snap)
          .map(({ type, guarded }) => {
            const roles = proc.rolesFor(meta, type, law);
            const em = meta.events[type];
            return {
              type,
              ...(em?.title ? { title: em.title } : {}),
              roles,
              offices: roles.map((r) => proc.office(r, law)),
              guarded,
              ...(em?.form ? { form: em.form } : {}),
            };
          })
          .filter((e) => !options.roles || e.roles.some((r) => options.roles?.includes(r)));
  const documents = proc.definition.meta?.documents ?? {};
  const documentsDue = meta.documents
    .filter((id) => !c.documents.some((d) => d.id === id))
    .map((id) => {
      const def = documents[id];
      const v = def?.form ? law.values[def.form.law] : undefined;
      return {
        id,
        title: def?.title ?? { vi: id, en: id },
        formCode: typeof v?.code === 'string' ? v.code : null,
        ...(v ? { basis: v.basis } : {}),
        ...(v?.uncertain ? { uncertain: true } : {}),
      };
    });
  return {
    id: c.id,
    procedure: c.procedure,
    procedureVersion: c.procedureVersion,
    now: formatInstant(now),
    state: c.state,
    stateTitle: meta.title,
    status: c.status,
    ...(c.track ? { track: c.track } : {}),
    law: {
      version: law.id,
      effective: law.effective,
      title: law.title,
      chain: law.chain,
      ...(law.province ? { province: law.province } : {}),
    },
    basis: meta.basis,
    forms: meta.forms,
    allowedEvents,
    deadlines: c.deadlines
      .filter((d) => d.supersededAt === undefined)
      .map((d) => ({ ...d, status: deadlineStatus(d, now) })),
    documentsDue,
    documentsIssued: c.documents,
    rev: c.rev,
  };
}
