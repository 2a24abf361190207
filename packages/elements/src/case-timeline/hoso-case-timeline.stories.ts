// <hoso-case-timeline> over a real IndexedDB case store: one person through determination (May 2026),
// compulsory referral (June 2026) and post-rehab (October 2026 – 2028), seeded as in the case-list stories.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { demoProcedures, demoStore, DEMO_PERSON_ID } from '../case-list/hoso-case-list.stories.js';
import './hoso-case-timeline.js';
import type { HosoCaseTimeline } from './hoso-case-timeline.js';

interface TimelineArgs {
  personalId: string;
  now: string;
  /** '' inherits the toolbar locale. */
  lang: '' | 'vi' | 'en';
}

function render(args: TimelineArgs): HTMLElement {
  const wrapper = document.createElement('div');
  const el = document.createElement('hoso-case-timeline') as HosoCaseTimeline;
  if (args.lang) el.lang = args.lang;
  if (args.personalId) el.personalId = args.personalId;
  el.now = args.now || undefined;
  el.procedures = demoProcedures;
  const opened = document.createElement('output');
  el.addEventListener('hoso-case-open', (e) => (opened.value = `hoso-case-open: ${e.caseId} (${e.procedure})`));
  void demoStore('cases').then((store) => (el.store = store));
  wrapper.append(el, opened);
  return wrapper;
}

const meta = {
  title: 'Elements/Case timeline',
  component: 'hoso-case-timeline',
  render,
  args: { personalId: DEMO_PERSON_ID, now: '2028-11-02T10:00:00+07:00', lang: '' },
  argTypes: {
    personalId: { control: 'text', description: '`personal-id`' },
    now: { control: 'text', description: '`now` (ISO 8601); empty: the clock' },
    lang: { control: 'select', options: ['', 'vi', 'en'], description: '`lang` (empty: the toolbar locale)' },
  },
} satisfies Meta<TimelineArgs>;

export default meta;
type Story = StoryObj<TimelineArgs>;

export const ThreeProcedures: Story = {};
export const NoCases: Story = { args: { personalId: '079000000000' } };
export const NoPerson: Story = { args: { personalId: '' } };
