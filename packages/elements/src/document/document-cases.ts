/**
 * The example case of each document template (`cases.json`): an example scenario played by the real runtime, then
 * events whose data is a form fixture or a scenario event's data, with a patch merged over it. Tests fill and print
 * every template from these cases and Storybook shows them; the caller passes the scenarios, the fixtures and the
 * runtime, so this module reads no file itself.
 */
import type { Case, CaseEvent, Person, Procedure } from '@hoso/workflow';

/** One appended event: its data from `fixture` (`<procedure>/<form>/<file>`) or the scenario's event `scenarioEvent`. */
export interface AppendedEvent {
  type: string;
  at: string;
  by: { id: string; roles: string[] };
  fixture?: string;
  scenarioEvent?: number;
  patch?: Record<string, unknown>;
}

/** How the example case of one template is built (an entry of `cases.json`). */
export interface DocumentCaseSpec {
  /** `procedure/document` */
  template: string;
  /** File name (without `.json`) under examples/scenarios. */
  scenario: string;
  /** How many of the scenario's events to play (all when absent). */
  upTo?: number;
  append?: AppendedEvent[];
  /** The state the case must be in afterwards. */
  state: string;
}

export interface ExampleScenario {
  procedure: string;
  person: Person | Record<string, unknown>;
  events: CaseEvent[];
}

export interface DocumentCaseSources {
  scenario(name: string): ExampleScenario;
  /** The data of a fixture: form id (`procedure/form`) and file name. */
  fixture(form: string, file: string): unknown;
  procedure(id: string): Promise<Procedure>;
}

/** Thrown when a spec names a scenario, fixture or event that does not exist, or the case ends elsewhere. */
export class DocumentCaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentCaseError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Deep merge for patches: objects merge key by key, anything else replaces. */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isObject(base) || !isObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = mergePatch(base[k], v);
  return out;
}

/** The events of a spec, in order (the scenario's first `upTo`, then the appended ones with their data). */
export function documentCaseEvents(spec: DocumentCaseSpec, sources: DocumentCaseSources): CaseEvent[] {
  const s = sources.scenario(spec.scenario);
  const appended = (spec.append ?? []).map((e, i): CaseEvent => {
    const where = `${spec.template}: append[${i}]`;
    let data: unknown;
    if (e.fixture) {
      const parts = e.fixture.split('/');
      if (parts.length !== 3)
        throw new DocumentCaseError(`${where}: fixture "${e.fixture}" is not procedure/form/file`);
      data = sources.fixture(`${parts[0]}/${parts[1]}`, parts[2]!);
    } else if (e.scenarioEvent !== undefined) {
      data = s.events[e.scenarioEvent]?.data;
    }
    if (data === undefined) throw new DocumentCaseError(`${where}: no data (fixture or scenarioEvent)`);
    return { type: e.type, at: e.at, by: e.by, data: mergePatch(structuredClone(data), e.patch) };
  });
  return [...s.events.slice(0, spec.upTo), ...appended];
}

/** Plays a spec with the real runtime; refused scenario events are skipped, a refused appended event throws. */
export async function buildDocumentCase(spec: DocumentCaseSpec, sources: DocumentCaseSources): Promise<Case> {
  const s = sources.scenario(spec.scenario);
  const runtime = await sources.procedure(s.procedure);
  const events = documentCaseEvents(spec, sources);
  const own = events.length - (spec.append?.length ?? 0);
  let c = runtime.createCase({ person: s.person as Person, at: events[0]!.at });
  for (const [i, e] of events.entries()) {
    const r = await runtime.apply(c, e);
    if (r.ok) c = r.case;
    else if (i >= own) {
      throw new DocumentCaseError(`${spec.template}: ${e.type} refused: ${r.refusal.code} ${r.refusal.message.en}`);
    }
  }
  if (c.state !== spec.state) {
    throw new DocumentCaseError(`${spec.template}: the case ends in "${c.state}", not "${spec.state}"`);
  }
  return c;
}
