// <hoso-report> over a real IndexedDB case store holding the indicator fixture cases of @hoso/reports (13 cases of
// 11 persons made by the real runtime from the example scenarios), computed in the browser by the engine of
// @hoso/reports. The role arg shows the three views: the commune's own staff (names, no suppression), the
// provincial police (names, under-5 suppressed) and another office (counts only, suppressed).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { openCaseStore, type CaseRecord, type CaseStore } from '@hoso/case-store';
import cases from '../../../reports/test/fixtures/cases.json';
import './hoso-report.js';
import type { HosoReport } from './hoso-report.js';

const USERS = {
  'commune-officer': { roles: ['commune-officer'], communeCode: '26737' },
  'provincial-police-director': { roles: ['provincial-police-director'] },
  'provincial-pc-chair': { roles: ['provincial-pc-chair'] },
} as const;

interface ReportArgs {
  role: keyof typeof USERS;
  now: string;
  source: 'cases' | 'empty' | 'failing';
  /** '' inherits the toolbar locale. */
  lang: '' | 'vi' | 'en';
}

async function store(source: ReportArgs['source']): Promise<CaseStore> {
  const s = await openCaseStore({ name: `hoso-story-report-${crypto.randomUUID()}` });
  if (source === 'failing')
    return new Proxy(s, {
      get: (target, key) =>
        key === 'listCases'
          ? () => Promise.reject(new Error('IndexedDB is not available'))
          : (Reflect.get(target, key) as unknown),
    });
  if (source === 'cases')
    for (const c of cases as unknown as CaseRecord[]) await s.putCase({ ...c, rev: 0 }, { expectedRev: 0 });
  return s;
}

function render(args: ReportArgs): HTMLElement {
  const el = document.createElement('hoso-report') as HosoReport;
  if (args.lang) el.lang = args.lang;
  el.now = args.now || undefined;
  el.user = {
    roles: [...USERS[args.role].roles],
    ...('communeCode' in USERS[args.role] ? { communeCode: '26737' } : {}),
  };
  void store(args.source).then((s) => (el.store = s));
  return el;
}

const meta = {
  title: 'Elements/Report',
  component: 'hoso-report',
  render,
  args: { role: 'commune-officer', now: '2027-01-10T09:00:00+07:00', source: 'cases', lang: '' },
  argTypes: {
    role: { control: 'select', options: Object.keys(USERS), description: 'Who reads the report' },
    now: { control: 'text', description: '`now`: the default period is the last complete half-year before it' },
    source: { control: 'select', options: ['cases', 'empty', 'failing'], description: 'What the store holds' },
    lang: { control: 'select', options: ['', 'vi', 'en'], description: '`lang` (empty: the toolbar locale)' },
  },
} satisfies Meta<ReportArgs>;

export default meta;
type Story = StoryObj<ReportArgs>;

export const CommuneStaff: Story = {};
export const ProvincialPolice: Story = { args: { role: 'provincial-police-director' } };
export const CountsOnly: Story = { args: { role: 'provincial-pc-chair' } };
export const NoCases: Story = { args: { source: 'empty' } };
export const StoreError: Story = { args: { source: 'failing' } };
