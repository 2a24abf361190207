/**
 * Loading a procedure: its generated module (machine + lazy form loaders) and the shared law content, bound to
 * the workflow runtime with the precompiled guard conditions. One `Procedure` per id, cached for the page.
 */
import { Procedure, precompiledConditions, type RuntimeOptions } from '@hoso/workflow';
import { procedures, type FormModule, type ProcedureModule } from '@hoso/workflows/generated/procedures.js';

export type { FormModule, ProcedureModule };

export interface LoadedProcedure {
  id: string;
  title: { vi: string; en: string };
  runtime: Procedure;
  module: ProcedureModule;
  /** Loads one form of the procedure (each form is its own chunk). */
  form(id: string): Promise<FormModule>;
}

/** Where procedures come from; a portal may pass its own (e.g. a province's reviewed copy). */
export type ProcedureSource = (id: string) => Promise<LoadedProcedure>;

/** Thrown when a procedure or form id names nothing: the message says which ids exist. */
export class UnknownContentError extends Error {
  constructor(kind: 'procedure' | 'form', id: string, known: string[]) {
    super(`unknown ${kind} "${id}"; known: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownContentError';
  }
}

const cache = new Map<string, Promise<LoadedProcedure>>();

async function load(id: string): Promise<LoadedProcedure> {
  const entry = procedures[id];
  if (!entry) throw new UnknownContentError('procedure', id, Object.keys(procedures));
  const [module, content, conditions] = await Promise.all([
    entry.load(),
    import('@hoso/workflows/generated/content.js'),
    import('@hoso/workflows/generated/conditions.js'),
  ]);
  const options = {
    laws: content.laws,
    calendars: content.calendars,
    overlays: content.overlays,
    compileCondition: precompiledConditions(conditions.conditionValidators),
  } as unknown as RuntimeOptions;
  const runtime = new Procedure(module.machine as unknown as ConstructorParameters<typeof Procedure>[0], options);
  const forms = new Map<string, Promise<FormModule>>();
  return {
    id,
    title: entry.title,
    runtime,
    module,
    form(formId) {
      const loader = module.forms[formId];
      if (!loader) return Promise.reject(new UnknownContentError('form', formId, Object.keys(module.forms)));
      let f = forms.get(formId);
      if (!f) forms.set(formId, (f = loader()));
      return f;
    },
  };
}

/** The default source: the procedures `hoso build` generated into `@hoso/workflows`. */
export const builtinProcedures: ProcedureSource = (id) => {
  let p = cache.get(id);
  if (!p) {
    cache.set(id, (p = load(id)));
    p.catch(() => cache.delete(id));
  }
  return p;
};

/** The procedures a portal can offer (id, title, description), without loading any of them. */
export function procedureList(): { id: string; title: { vi: string; en: string } }[] {
  return Object.values(procedures).map(({ id, title }) => ({ id, title }));
}
