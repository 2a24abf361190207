/**
 * The procedures and forms the server runs: the same generated content the browser uses
 * (`workflows/generated/*.js` for machines, law, calendars and precompiled guard conditions;
 * `schemas/generated/<procedure>/<form>.js` for each form's precompiled validator), bound to the
 * `@hoso/workflow` runtime. Loaded lazily and cached; run `hoso build` first.
 */
import { Procedure, precompiledConditions, schemaKey } from '@hoso/workflow';
import type { Case, CaseEvent, LawVersionFile, HolidayCalendar, ProvinceOverlay } from '@hoso/workflow';

type Obj = Record<string, unknown>;

export interface FormValidator {
  (data: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; params: Obj; message?: string }> | null;
}

export interface LoadedForm {
  id: string;
  schema: Obj;
  validate: FormValidator;
}

interface ProcedureEntry {
  id: string;
  title: { vi: string; en: string };
  load: () => Promise<{ machine: Obj }>;
}

export class ContentMissingError extends Error {}

// Kept in variables so that TypeScript does not need the generated files at compile time (they are build output).
const WORKFLOWS = '@hoso/workflows/generated/';
const SCHEMAS = '@hoso/schemas/generated/';

async function importGenerated<T>(spec: string): Promise<T> {
  try {
    return (await import(spec)) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      throw new ContentMissingError(`${spec} is missing: run "node packages/cli/bin/hoso.mjs build" first`);
    throw e;
  }
}

export class ProcedureRegistry {
  readonly #procedures = new Map<string, Promise<Procedure>>();
  readonly #forms = new Map<string, Promise<LoadedForm>>();

  private constructor(
    readonly entries: Readonly<Record<string, ProcedureEntry>>,
    private readonly options: ConstructorParameters<typeof Procedure>[1],
  ) {}

  static async load(): Promise<ProcedureRegistry> {
    const [{ procedures }, content, { conditionValidators }] = await Promise.all([
      importGenerated<{ procedures: Record<string, ProcedureEntry> }>(`${WORKFLOWS}procedures.js`),
      importGenerated<{ laws: LawVersionFile[]; calendars: HolidayCalendar[]; overlays: ProvinceOverlay[] }>(
        `${WORKFLOWS}content.js`,
      ),
      importGenerated<{ conditionValidators: Record<string, (d: unknown) => boolean> }>(`${WORKFLOWS}conditions.js`),
    ]);
    return new ProcedureRegistry(procedures, {
      laws: content.laws,
      calendars: content.calendars,
      overlays: content.overlays,
      compileCondition: precompiledConditions(conditionValidators),
    });
  }

  get ids(): string[] {
    return Object.keys(this.entries);
  }

  has(id: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.entries, id);
  }

  procedure(id: string): Promise<Procedure> {
    let p = this.#procedures.get(id);
    if (!p) {
      const entry = this.entries[id];
      if (!entry) throw new ContentMissingError(`no procedure "${id}"`);
      p = entry.load().then((m) => new Procedure(m.machine as never, this.options));
      this.#procedures.set(id, p);
    }
    return p;
  }

  form(formId: string): Promise<LoadedForm> {
    let f = this.#forms.get(formId);
    if (!f) {
      f = importGenerated<{ schema: Obj; validators: Record<string, FormValidator> }>(`${SCHEMAS}${formId}.js`).then(
        (m) => {
          const validate = m.validators[schemaKey(m.schema)];
          if (!validate) throw new ContentMissingError(`form "${formId}" has no validator for its schema`);
          return { id: formId, schema: m.schema, validate };
        },
      );
      this.#forms.set(formId, f);
    }
    return f;
  }

  /** The form an event of this type takes in the case's current state (`meta.events.<type>.form`), if any. */
  formOf(proc: Procedure, c: Case, event: CaseEvent): string | undefined {
    const view = proc.view(c, { now: event.at });
    return view.allowedEvents.find((e) => e.type === event.type)?.form;
  }
}

/** The first validation error as a JSON pointer under `base` (a missing property points at the property). */
export function firstErrorPointer(v: FormValidator, base: string): { pointer: string; detail: string } {
  const e = v.errors?.[0];
  if (!e) return { pointer: base, detail: 'not valid' };
  let pointer = base + e.instancePath;
  if (e.keyword === 'required' && typeof e.params['missingProperty'] === 'string')
    pointer += '/' + e.params['missingProperty'].replace(/~/g, '~0').replace(/\//g, '~1');
  return { pointer, detail: `${e.instancePath || '/'} ${e.message ?? e.keyword}` };
}
