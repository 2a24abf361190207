// A story per procedure that walks its states: the procedure's example scenario (examples/scenarios, the same file
// `hoso simulate` plays) is applied with the real runtime up to the chosen step, stored in a real IndexedDB store,
// and <hoso-procedure> shows that case to the person who acts next, at that moment: the step list, the time limits
// running then, the documents, the actions of that person's roles and the step's form. Move the `step` control to
// walk the procedure; "NewCase" starts one from nothing.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { openCaseStore, type CaseStore } from '@hoso/case-store';
import type { Case, CaseEvent, Person } from '@hoso/workflow';
import { builtinProcedures } from './content.js';
import './hoso-procedure.js';
import type { HosoProcedure } from './hoso-procedure.js';
import voluntary from '../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import determination from '../../../../examples/scenarios/addiction-determination-voluntary-addicted.json';
import management from '../../../../examples/scenarios/drug-user-management-residence-change.json';
import compulsory from '../../../../examples/scenarios/compulsory-rehab-minor-regional-court.json';
import postRehab from '../../../../examples/scenarios/post-rehab-compulsory-two-years.json';
import monitoring from '../../../../examples/scenarios/electronic-monitoring-adult-violation.json';

interface Scenario {
  procedure: string;
  province?: string;
  createdAt?: string;
  person: Person;
  events: CaseEvent[];
}

interface WalkArgs {
  /** How many of the scenario's events have happened. */
  step: number;
  /** '' inherits the toolbar locale. */
  lang: '' | 'vi' | 'en';
}

const COMMUNE = '26734';

/** The case after the first `step` accepted events of the scenario (refused ones are skipped, as in real life). */
async function caseAt(s: Scenario, step: number): Promise<{ c: Case; next: CaseEvent | undefined }> {
  const { runtime } = await builtinProcedures(s.procedure);
  let c = runtime.createCase({
    person: { ...s.person, communeCode: COMMUNE },
    at: s.createdAt ?? s.events[0]!.at,
    ...(s.province ? { province: s.province } : {}),
  });
  for (const event of s.events.slice(0, step)) {
    const r = await runtime.apply(c, event);
    if (r.ok) c = r.case;
  }
  return { c, next: s.events[step] };
}

let counter = 0;
async function seed(s: Scenario, step: number): Promise<{ store: CaseStore; c: Case; next: CaseEvent | undefined }> {
  const store = await openCaseStore({ name: `story-walk-${s.procedure}-${Date.now()}-${counter++}` });
  const { c, next } = await caseAt(s, step);
  await store.putCase(c as never, { expectedRev: 0 });
  return { store, c, next };
}

function walk(s: Scenario) {
  return (args: WalkArgs): HTMLElement => {
    const wrapper = document.createElement('div');
    const note = document.createElement('p');
    const el = document.createElement('hoso-procedure') as HosoProcedure;
    if (args.lang) el.lang = args.lang;
    const step = Math.min(Math.max(0, args.step), s.events.length);
    void seed(s, step).then(({ store, c, next }) => {
      const last = s.events[Math.max(0, step - 1)]!;
      el.user = next
        ? { id: next.by.id, roles: next.by.roles, communeCode: COMMUNE }
        : { id: last.by.id, roles: last.by.roles, communeCode: COMMUNE };
      el.now = next?.at ?? last.at;
      el.store = store;
      el.procedure = s.procedure;
      el.caseId = c.id;
      note.textContent = next
        ? `Bước ${step}/${s.events.length}: người tiếp theo (${next.by.roles.join(', ')}) thực hiện ${next.type} lúc ${next.at}.`
        : `Đã hết kịch bản (${s.events.length} sự kiện).`;
    });
    wrapper.append(note, el);
    return wrapper;
  };
}

const meta = {
  title: 'Elements/Procedure',
  component: 'hoso-procedure',
  args: { step: 1, lang: '' },
  argTypes: {
    step: { control: { type: 'range', min: 0, max: 12, step: 1 }, description: 'events of the scenario applied' },
    lang: { control: 'select', options: ['', 'vi', 'en'], description: '`lang` (empty: the toolbar locale)' },
  },
} satisfies Meta<WalkArgs>;

export default meta;
type Story = StoryObj<WalkArgs>;

export const VoluntaryRehab: Story = { render: walk(voluntary as unknown as Scenario), args: { step: 2 } };
export const AddictionDetermination: Story = { render: walk(determination as unknown as Scenario) };
export const DrugUserManagement: Story = { render: walk(management as unknown as Scenario) };
export const CompulsoryRehabMinor: Story = { render: walk(compulsory as unknown as Scenario), args: { step: 3 } };
export const PostRehab: Story = { render: walk(postRehab as unknown as Scenario) };
export const ElectronicMonitoring: Story = { render: walk(monitoring as unknown as Scenario) };

/** A new case from nothing, as the commune's receiving officer. */
export const NewCase: Story = {
  render: (args: WalkArgs) => {
    const el = document.createElement('hoso-procedure') as HosoProcedure;
    if (args.lang) el.lang = args.lang;
    el.user = { id: 'officer', roles: ['commune-officer'], communeCode: COMMUNE };
    void openCaseStore({ name: `story-new-${Date.now()}-${counter++}` }).then((store) => {
      el.store = store;
      el.procedure = 'voluntary-rehab';
    });
    return el;
  },
};
