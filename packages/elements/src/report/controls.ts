/**
 * The choosers of `<hoso-report>`: period (half-year, year, quarter, a plan's whole period, any range), unit
 * (the province or one commune) and the plan whose targets are compared. Plain labelled native controls in a
 * `<fieldset>`, so they work with the keyboard and screen readers as any form does.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../i18n/lang.js';
import { textOf, type ReportTerms } from './i18n.js';
import { hasPeriod, yearOptions, type PeriodChoice, type PeriodKind, type PlanOption } from './period.js';

const KINDS: readonly PeriodKind[] = ['half', 'year', 'quarter', 'plan', 'range'];

export interface ControlsContext {
  t: ReportTerms;
  lang: Lang;
  today: string;
  choice: PeriodChoice;
  onChoice: (patch: Partial<PeriodChoice>) => void;
  /** Units offered: the whole province (`''`) when `province`, and these communes. */
  province: boolean;
  communes: string[];
  commune: string;
  onCommune: (code: string) => void;
  unitLabel: (code: string) => string;
  plans: PlanOption[];
  /** Id of the plan used when none is chosen (the definitions' `defaultPlan`): its title is shown on that option. */
  defaultPlan?: string;
  plan: string;
  onPlan: (id: string) => void;
}

const value = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement).value;

function select(
  id: string,
  label: string,
  options: Array<{ value: string; label: string }>,
  current: string,
  onChange: (v: string) => void,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => onChange(value(e))}>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === current}>${o.label}</option>`)}
    </select>
  </div>`;
}

/** "Default plan: <its title>", so the chooser itself says whose targets are used; the bare words when unknown. */
export function defaultPlanLabel(ctx: Pick<ControlsContext, 't' | 'lang' | 'plans' | 'defaultPlan'>): string {
  const plan = ctx.defaultPlan ? ctx.plans.find((p) => p.id === ctx.defaultPlan) : undefined;
  return plan ? `${ctx.t.defaultPlan}: ${textOf(plan.title, ctx.lang, plan.id)}` : ctx.t.defaultPlan;
}

export function renderControls(ctx: ControlsContext): TemplateResult {
  const { t, lang, choice } = ctx;
  const kinds = KINDS.filter((k) => k !== 'plan' || ctx.plans.some(hasPeriod));
  const years = yearOptions(ctx.today, choice.year).map((y) => ({ value: String(y), label: String(y) }));
  const planWithPeriod = ctx.plans.filter(hasPeriod);
  return html`<fieldset class="controls" part="controls">
    <legend>${t.choose}</legend>
    ${select(
      'period-kind',
      t.periodKind,
      kinds.map((k) => ({ value: k, label: t.periodKinds[k] })),
      choice.kind,
      (v) => ctx.onChoice({ kind: v as PeriodKind }),
    )}
    ${
      choice.kind === 'half' || choice.kind === 'year' || choice.kind === 'quarter'
        ? select('period-year', t.year, years, String(choice.year), (v) => ctx.onChoice({ year: Number(v) }))
        : nothing
    }
    ${
      choice.kind === 'half'
        ? select(
            'period-half',
            t.half,
            t.halves.map((label, i) => ({ value: String(i + 1), label })),
            String(choice.half),
            (v) => ctx.onChoice({ half: v === '2' ? 2 : 1 }),
          )
        : nothing
    }
    ${
      choice.kind === 'quarter'
        ? select(
            'period-quarter',
            t.quarter,
            [1, 2, 3, 4].map((q) => ({ value: String(q), label: t.quarterName(q) })),
            String(choice.quarter),
            (v) => ctx.onChoice({ quarter: Number(v) as 1 | 2 | 3 | 4 }),
          )
        : nothing
    }
    ${
      choice.kind === 'plan'
        ? select(
            'period-plan',
            t.planPeriod,
            planWithPeriod.map((p) => ({
              value: p.id,
              label: `${textOf(p.title, lang, p.id)} (${p.period.from} – ${p.period.to})`,
            })),
            ctx.plan,
            ctx.onPlan,
          )
        : nothing
    }
    ${
      choice.kind === 'range'
        ? html`<div class="field">
              <label for="period-from">${t.from}</label>
              <input
                id="period-from"
                type="date"
                .value=${choice.from}
                @change=${(e: Event) => ctx.onChoice({ from: value(e) })}
              />
            </div>
            <div class="field">
              <label for="period-to">${t.to}</label>
              <input
                id="period-to"
                type="date"
                .value=${choice.to}
                @change=${(e: Event) => ctx.onChoice({ to: value(e) })}
              />
            </div>`
        : nothing
    }
    ${select(
      'unit',
      t.unit,
      [
        ...(ctx.province ? [{ value: '', label: t.province }] : []),
        ...ctx.communes.map((c) => ({ value: c, label: ctx.unitLabel(c) })),
      ],
      ctx.commune,
      ctx.onCommune,
    )}
    ${
      choice.kind !== 'plan' && ctx.plans.length
        ? select(
            'plan',
            t.plan,
            [
              { value: '', label: defaultPlanLabel(ctx) },
              ...ctx.plans.map((p) => ({ value: p.id, label: textOf(p.title, lang, p.id) })),
            ],
            ctx.plan,
            ctx.onPlan,
          )
        : nothing
    }
  </fieldset>`;
}
