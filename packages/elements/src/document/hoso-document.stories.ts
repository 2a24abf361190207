// A story per document template: the template's example case (cases.json: an example scenario played by the real
// runtime, plus fixture events) shown by <hoso-document> as it prints, A4 in the Decree 30/2020 format. The
// messages around the sheet (loading, missing data, errors) follow the locale toolbar or the `lang` arg; the sheet
// is Vietnamese. "Every template" renders the whole list of shipped templates (builtinTemplateIds), so a template
// added later appears there by itself; stories.test.ts fails until it also has its own story below.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Case } from '@hoso/workflow';
import cases from './cases.json';
import { buildDocumentCase, type DocumentCaseSpec } from './document-cases.js';
import { builtinTemplateIds } from './templates.js';
import { EXAMPLE_UNIT, exampleSources } from './test-utils/example-cases.js';
import './hoso-document.js';
import type { HosoDocument } from './hoso-document.js';

/** The example case of a template (built once per page). */
const built = new Map<string, Promise<Case>>();
function exampleCase(template: string): Promise<Case> {
  let c = built.get(template);
  if (!c) {
    const spec = (cases.cases as DocumentCaseSpec[]).find((s) => s.template === template);
    c = spec
      ? buildDocumentCase(spec, exampleSources)
      : Promise.reject(new Error(`no example case for "${template}" in cases.json`));
    built.set(template, c);
  }
  return c;
}

/** The issuing unit the stories use (a portal passes its own). */
const UNIT = EXAMPLE_UNIT;

interface DocumentArgs {
  /** '' inherits the toolbar locale. */
  lang: '' | 'vi' | 'en';
  /** Leave out the case data at these dotted paths, to see how missing data is shown. */
  omit: string;
}

/** One <hoso-document> showing `template` from its example case. */
function documentFor(template: string, args: DocumentArgs): HosoDocument {
  const [, id] = template.split('/') as [string, string];
  const el = document.createElement('hoso-document') as HosoDocument;
  if (args.lang) el.lang = args.lang;
  el.unit = UNIT;
  el.setAttribute('document', id);
  void exampleCase(template).then((c) => {
    const copy = structuredClone(c);
    for (const path of args.omit
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const keys = path.split('.');
      let node: unknown = copy;
      for (const k of keys.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[k];
      if (node && typeof node === 'object') delete (node as Record<string, unknown>)[keys.at(-1)!];
    }
    el.case = copy;
  });
  return el;
}

const meta = {
  title: 'Elements/Documents',
  component: 'hoso-document',
  args: { lang: '', omit: '' },
  argTypes: {
    lang: { control: 'select', options: ['', 'vi', 'en'], description: '`lang` (empty: the toolbar locale)' },
    omit: { control: 'text', description: 'case paths to leave out, comma-separated (e.g. data.decision.number)' },
  },
} satisfies Meta<DocumentArgs>;

export default meta;
type Story = StoryObj<DocumentArgs>;

/** The story of one template. */
const storyOf = (template: string): Story => ({
  name: template,
  render: (args) => documentFor(template, args),
});

export const VoluntaryRehabReceipt = storyOf('voluntary-rehab/receipt');
export const VoluntaryRehabSupplement = storyOf('voluntary-rehab/supplement');
export const VoluntaryRehabDecision = storyOf('voluntary-rehab/decision');
export const VoluntaryRehabCertificate = storyOf('voluntary-rehab/certificate');
export const VoluntaryRehabCommuneNotice = storyOf('voluntary-rehab/communeNotice');
export const VoluntaryRehabFacilityCertificate = storyOf('voluntary-rehab/facilityCertificate');
export const VoluntaryRehabViolationRecord = storyOf('voluntary-rehab/violationRecord');
export const AddictionDeterminationResult = storyOf('addiction-determination/result');
export const AddictionDeterminationViolationRecord = storyOf('addiction-determination/violationRecord');
export const DrugUserManagementDecision = storyOf('drug-user-management/managementDecision');
export const DrugUserManagementTransferNotice = storyOf('drug-user-management/transferNotice');
export const CompulsoryRehabViolationRecord = storyOf('compulsory-rehab/violationRecord');
export const CompulsoryRehabSummaryCv = storyOf('compulsory-rehab/summaryCv');
export const CompulsoryRehabDossierNotice = storyOf('compulsory-rehab/dossierNotice');
export const CompulsoryRehabCompletionCertificate = storyOf('compulsory-rehab/completionCertificate');
export const PostRehabDecision = storyOf('post-rehab/decision');
export const PostRehabCertificateMau54 = storyOf('post-rehab/certificate');
export const PostRehabTransferNotice = storyOf('post-rehab/transferNotice');
export const ElectronicMonitoringDecision = storyOf('electronic-monitoring/decision');

/** A decision whose case lacks its number and signer: the gaps are marked and listed above the sheet. */
export const MissingData: Story = {
  name: 'Missing data (voluntary-rehab/decision)',
  args: { omit: 'data.decision.number, data.decision.signerName' },
  render: (args) => documentFor('voluntary-rehab/decision', args),
};

/** Every shipped template, one after the other: a template added later shows here with no story to write. */
export const EveryTemplate: Story = {
  name: 'Every template',
  render: (args) => {
    const list = document.createElement('div');
    for (const template of builtinTemplateIds()) {
      const section = document.createElement('section');
      const h = document.createElement('h2');
      h.textContent = template;
      section.append(h, documentFor(template, args));
      list.append(section);
    }
    return list;
  },
};
