// <hoso-case-list> over a real IndexedDB case store seeded with cases the real runtime built from the example
// scenarios (examples/scenarios), with the conditions `hoso build` precompiled (no run-time compilation).
// The locale toolbar switches vi/en through `lang` on the story's wrapper.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { openCaseStore, type CaseRecord, type CaseStore } from '@hoso/case-store';
import { Procedure, precompiledConditions, type Case, type CaseEvent, type MachineDefinition } from '@hoso/workflow';
import { conditionValidators } from '../../../../workflows/generated/conditions.js';
import law2022 from '../../../../workflows/law/2022-01-01.json';
import law202503 from '../../../../workflows/law/2025-03-01.json';
import law202507 from '../../../../workflows/law/2025-07-01.json';
import law2026 from '../../../../workflows/law/2026-07-01.json';
import cal2025 from '../../../../workflows/calendars/vn/2025.json';
import cal2026 from '../../../../workflows/calendars/vn/2026.json';
import cal2027 from '../../../../workflows/calendars/vn/2027.json';
import voluntaryMachine from '../../../../workflows/voluntary-rehab/machine.json';
import determinationMachine from '../../../../workflows/addiction-determination/machine.json';
import compulsoryMachine from '../../../../workflows/compulsory-rehab/machine.json';
import postRehabMachine from '../../../../workflows/post-rehab/machine.json';
import voluntary from '../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import determination from '../../../../examples/scenarios/addiction-determination-voluntary-addicted.json';
import compulsory from '../../../../examples/scenarios/compulsory-rehab-adult-complaint-review.json';
import postRehab from '../../../../examples/scenarios/post-rehab-compulsory-two-years.json';
import './hoso-case-list.js';
import type { CaseListUser, HosoCaseList } from './hoso-case-list.js';

const runtime = {
  laws: [law2022, law202503, law202507, law2026],
  calendars: [cal2025, cal2026, cal2027],
  overlays: [],
  compileCondition: precompiledConditions(conditionValidators),
} as unknown as ConstructorParameters<typeof Procedure>[1];
const bind = (m: unknown): Procedure => new Procedure(m as MachineDefinition, runtime);

/** The four procedures of the stories, bound once. */
export const demoProcedures: Record<string, Procedure> = {
  'voluntary-rehab': bind(voluntaryMachine),
  'addiction-determination': bind(determinationMachine),
  'compulsory-rehab': bind(compulsoryMachine),
  'post-rehab': bind(postRehabMachine),
};
export const DEMO_COMMUNE = '26734';
export const DEMO_PERSON_ID = '001090001111';
export const DEMO_NOW = '2026-07-14T10:00:00+07:00';
const user: CaseListUser = { id: 'u1', name: 'Lê Thị Cán Bộ', roles: ['commune-officer'], communeCode: DEMO_COMMUNE };

/** The first `count` accepted events of a scenario (all when omitted) for `person`; `shift` moves dates. */
async function run(
  scenario: { procedure: string; events: unknown[] },
  person: Record<string, unknown>,
  count = Infinity,
  shift: (at: string) => string = (at) => at,
): Promise<Case> {
  const proc = demoProcedures[scenario.procedure]!;
  const events = scenario.events as CaseEvent[];
  let c = proc.createCase({ person, at: shift(events[0]!.at) });
  let accepted = 0;
  for (const event of events) {
    if (accepted >= count) break;
    const r = await proc.apply(c, { ...event, at: shift(event.at) });
    if (r.ok) [c, accepted] = [r.case, accepted + 1];
  }
  return c;
}

const who = (fullName: string, personalId: string) => ({
  fullName,
  personalId,
  communeCode: DEMO_COMMUNE,
  birthDate: '1990-05-01',
});
const toMay = (at: string) =>
  at.replace('2026-09-07', '2026-05-04').replace('2026-09-09', '2026-05-06').replace('2026-09-11', '2026-05-08');

/** A new store (its own database) holding the demo cases, plus `extra` copies for the "many" story. */
export async function demoStore(kind: 'cases' | 'many' | 'empty'): Promise<CaseStore> {
  const store = await openCaseStore({ name: `hoso-story-${kind}-${crypto.randomUUID()}` });
  if (kind === 'empty') return store;
  const cases = [
    await run(voluntary, who('Nguyễn Văn A', '079090001234'), 2),
    await run(compulsory, who('Trần Thị Bình', '001190000111'), 1),
    await run(compulsory, who('Đặng Văn Đức', '001190000222'), 5),
    await run(determination, who('Phạm Văn Cường', '079095001111'), 1),
    await run(voluntary, who('Lê Thị Hoa', '036185000333'), 1),
    await run(determination, who('Nguyễn Văn Cường', DEMO_PERSON_ID), Infinity, toMay),
    await run(compulsory, who('Nguyễn Văn Cường', DEMO_PERSON_ID)),
    await run(postRehab, who('Nguyễn Văn Cường', DEMO_PERSON_ID)),
  ];
  if (kind === 'many') {
    const base = cases[0]!;
    for (let i = 0; i < 1000; i += 1) {
      const id = String(i).padStart(8, '0');
      cases.push({ ...structuredClone(base), id: `many-${id}`, person: who(`Người Thử ${i}`, `0990${id}`) });
    }
  }
  await Promise.all(cases.map((c) => store.putCase(c as unknown as CaseRecord, { expectedRev: 0 })));
  return store;
}

interface ListArgs {
  kind: 'cases' | 'many' | 'empty' | 'loading';
  now: string;
  pageSize: number;
  /** '' inherits the toolbar locale. */
  lang: '' | 'vi' | 'en';
}

/** A store whose list never arrives: the loading state. */
const neverStore = (store: CaseStore): CaseStore =>
  new Proxy(store, {
    get: (target, key) =>
      key === 'listCases' ? () => new Promise(() => undefined) : (Reflect.get(target, key) as unknown),
  });

function render(args: ListArgs): HTMLElement {
  const wrapper = document.createElement('div');
  const el = document.createElement('hoso-case-list') as HosoCaseList;
  if (args.lang) el.lang = args.lang;
  el.now = args.now || undefined;
  el.pageSize = args.pageSize;
  el.procedures = demoProcedures;
  el.user = user;
  const opened = document.createElement('output');
  el.addEventListener('hoso-case-open', (e) => (opened.value = `hoso-case-open: ${e.caseId} (${e.procedure})`));
  void demoStore(args.kind === 'loading' ? 'empty' : args.kind).then((store) => {
    el.store = args.kind === 'loading' ? neverStore(store) : store;
  });
  wrapper.append(el, opened);
  return wrapper;
}

const meta = {
  title: 'Elements/Case list',
  component: 'hoso-case-list',
  render,
  args: { kind: 'cases', now: DEMO_NOW, pageSize: 50, lang: '' },
  argTypes: {
    kind: { control: 'select', options: ['cases', 'many', 'empty', 'loading'], description: 'What the store holds' },
    now: { control: 'text', description: '`now` (ISO 8601); empty: the clock' },
    pageSize: { control: 'number' },
    lang: { control: 'select', options: ['', 'vi', 'en'], description: '`lang` (empty: the toolbar locale)' },
  },
  excludeStories: /^(demo|DEMO_)/,
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<ListArgs>;

export const Commune: Story = {};
export const ThousandCases: Story = { args: { kind: 'many' } };
export const Empty: Story = { args: { kind: 'empty' } };
export const Loading: Story = { args: { kind: 'loading' } };
