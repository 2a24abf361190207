/**
 * Test and story helpers (not exported by the package): what the example case of each document template (a spec
 * of cases.json) is built from — the example scenarios it plays, the form fixtures, the built-in procedures — and
 * the issuing unit the tests and stories use.
 */
import { fixtures } from '../../../../../schemas/generated/fixtures.js';
import s1 from '../../../../../examples/scenarios/addiction-determination-voluntary-addicted.json';
import s2 from '../../../../../examples/scenarios/compulsory-rehab-adult-complaint-review.json';
import s3 from '../../../../../examples/scenarios/drug-user-management-residence-change.json';
import s4 from '../../../../../examples/scenarios/electronic-monitoring-adult-violation.json';
import s5 from '../../../../../examples/scenarios/post-rehab-compulsory-two-years.json';
import s6 from '../../../../../examples/scenarios/voluntary-rehab-refusals.json';
import s7 from '../../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import { builtinProcedures } from '../../procedure/content.js';
import type { DocumentCaseSources, ExampleScenario } from '../document-cases.js';

const SCENARIOS: Record<string, unknown> = {
  'addiction-determination-voluntary-addicted': s1,
  'compulsory-rehab-adult-complaint-review': s2,
  'drug-user-management-residence-change': s3,
  'electronic-monitoring-adult-violation': s4,
  'post-rehab-compulsory-two-years': s5,
  'voluntary-rehab-refusals': s6,
  'voluntary-rehab-adult-community': s7,
};

/** What `buildDocumentCase` reads: the example scenarios, the form fixtures, the built-in procedures. */
export const exampleSources: DocumentCaseSources = {
  scenario: (name) => SCENARIOS[name] as ExampleScenario,
  fixture: (form, file) => fixtures[form]?.find((f) => f.file === file)?.data,
  procedure: async (id) => (await builtinProcedures(id)).runtime,
};

/** The issuing unit the tests and stories use (a portal passes its own). */
export const EXAMPLE_UNIT = { commune: 'xã Đông Sơn', province: 'tỉnh Thanh Hóa', place: 'Đông Sơn' };
