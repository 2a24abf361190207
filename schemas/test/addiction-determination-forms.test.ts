/**
 * The addiction-determination forms (schemas/addiction-determination/request and /criteria), as generated
 * by `hoso build`, rendered in `<hoso-form>` with their fixtures: the request wizard shows only the steps
 * of its requester, the criteria checklist asks for the time pattern from 3 criteria on and refuses a
 * conclusion that contradicts the criteria, with the message in Vietnamese and English; axe-clean. Then
 * the forms of the other events (observation, result, registration record, re-determination).
 */
import { expect } from '@open-wc/testing';
import * as request from '../generated/addiction-determination/request.js';
import * as criteria from '../generated/addiction-determination/criteria.js';
import requestValid from '../addiction-determination/request/fixtures/valid.json';
import requestPolice from '../addiction-determination/request/fixtures/valid-police.json';
import negativeTest from '../addiction-determination/request/fixtures/invalid-police-negative-test.json';
import criteriaValid from '../addiction-determination/criteria/fixtures/valid.json';
import continueObservation from '../addiction-determination/criteria/fixtures/valid-continue-observation.json';
import contradicts from '../addiction-determination/criteria/fixtures/invalid-conclusion-contradicts.json';
import type { HosoForm } from '../../packages/forms/src/hoso-form.js';
import { render, settle } from './render-form.js';

type FormModule = typeof request | typeof criteria;

const heading = (form: HosoForm): string =>
  form.shadowRoot!.querySelector('.wizard-heading')?.textContent?.trim() ?? '';
const stepLabels = (form: HosoForm): string[] =>
  [...form.shadowRoot!.querySelectorAll('.wizard-steps li')].map((li) => li.textContent?.trim() ?? '');

/** The error shown for the control at `path` (through its aria-describedby), or '' when none is shown. */
function shownError(form: HosoForm, path: string): string {
  const input = form.control(path);
  expect(input, `control ${path}`).to.not.equal(null);
  const id = (input!.getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
  return id ? (form.shadowRoot!.getElementById(id)?.textContent?.trim() ?? '') : '';
}

/** Clicks Next until the last step; returns the headings seen. Fails if a step shows errors. */
async function walk(form: HosoForm): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    seen.push(heading(form));
    expect(form.shadowRoot!.querySelector('.step-errors'), `errors on step "${heading(form)}"`).to.equal(null);
    const next = form.shadowRoot!.querySelector<HTMLButtonElement>('button.next');
    if (!next) return seen;
    next.click();
    await settle(form);
  }
}

describe('addiction-determination/request', () => {
  it('walks a voluntary request through its 4 steps without errors, axe-clean (representative and police steps hidden)', async () => {
    const form = await render(request, requestValid);
    await expect(form).to.be.accessible();
    const m = request.messages.en;
    expect(stepLabels(form)).to.have.length(4);
    const seen = await walk(form);
    expect(seen).to.deep.equal(['Đề nghị', 'Người được xác định', 'Xét nghiệm chất ma túy', 'Giấy tờ và cam kết']);
    expect(seen).not.to.include(m['step.police.label']);
    expect(form.checkValidity()).to.equal(true);
    await expect(form).to.be.accessible();
  });

  it('shows the police step (and not the commitment) for a police request, in English', async () => {
    const form = await render(request, requestPolice, 'en');
    const m = request.messages.en;
    const seen = await walk(form);
    expect(seen).to.deep.equal([
      m['step.request.label'],
      m['step.person.label'],
      m['step.police.label'],
      m['step.drugTest.label'],
      m['step.commitment.label'],
    ]);
    expect(form.control('commitment.agreed')).to.equal(null);
    form.step = 3;
    await settle(form);
    expect((form.control('police.number') as HTMLInputElement).value).to.equal('15/GĐN');
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`refuses a police request with a negative drug test, saying why (${lang})`, async () => {
      const form = await render(request, negativeTest, lang);
      form.step = 4; // "Xét nghiệm chất ma túy"
      await settle(form);
      expect(form.validate()).to.equal(false);
      await settle(form);
      const key = 'drugTest.result.error.const';
      expect(shownError(form, 'drugTest.result')).to.equal(request.messages[lang][key]);
      expect(form.control('drugTest.result')!.getAttribute('aria-invalid')).to.equal('true');
    });
  }
});

describe('addiction-determination/criteria', () => {
  it('renders the signed checklist of an addicted person, axe-clean and valid', async () => {
    const form = await render(criteria, criteriaValid);
    await expect(form).to.be.accessible();
    expect(form.checkValidity()).to.equal(true);
    const boxes = [
      ...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-path="criteriaMet"]'),
    ];
    expect(boxes.length).to.equal(6);
    expect(boxes.filter((b) => b.checked).length).to.equal(4);
    expect(form.control('pattern'), 'pattern asked from 3 criteria on').to.not.equal(null);
  });

  it('asks for the time pattern once a third criterion is ticked, then refuses a conclusion the criteria contradict', async () => {
    const form = await render(criteria, continueObservation, 'en');
    expect(form.control('pattern'), 'no pattern with 2 criteria').to.equal(null);
    expect(form.checkValidity()).to.equal(true);
    const sixth = [
      ...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-path="criteriaMet"]'),
    ][5];
    sixth.click();
    await settle(form);
    expect(form.control('pattern'), 'pattern shown with 3 criteria').to.not.equal(null);
    expect(form.checkValidity()).to.equal(false);
    // The first option: "together, continuously, for 1 month or more".
    form.shadowRoot!.querySelector<HTMLInputElement>('input[type=radio][data-path="pattern"]')!.click();
    await settle(form);
    expect(form.validate()).to.equal(false);
    await settle(form);
    expect(shownError(form, 'conclusion')).to.equal(criteria.messages.en['conclusion.error.const']);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`shows the contradiction of the invalid fixture in ${lang}`, async () => {
      const form = await render(criteria, contradicts, lang);
      expect(form.validate()).to.equal(false);
      await settle(form);
      expect(shownError(form, 'conclusion')).to.equal(criteria.messages[lang]['conclusion.error.const']);
      await expect(form).to.be.accessible();
    });
  }
});

/**
 * The step forms of the other events (observation, result, registration record, re-determination): each valid fixture renders error-free and axe-clean; a
 * rule shows its conditional field only in the fixture where it applies; one invalid fixture per form shows
 * its own message under its field, in Vietnamese and English.
 */
interface StepForm {
  readonly id: string;
  readonly valid: readonly string[];
  /** `[fixture, data path, shown]`: a control a rule shows or hides. */
  readonly rules: readonly (readonly [string, string, boolean])[];
  readonly invalid: string;
}
const STEP_FORMS: readonly StepForm[] = [
  {
    id: 'addiction-determination/observation',
    valid: ['valid', 'valid-summary'],
    rules: [
      ['valid', 'withdrawalSigns', true],
      ['valid-summary', 'withdrawalSigns', false],
    ],
    invalid: 'invalid-summary-findings-missing',
  },
  {
    id: 'addiction-determination/result',
    valid: ['valid', 'valid-not-addicted'],
    rules: [
      ['valid', 'substances', true],
      ['valid-not-addicted', 'substances', false],
    ],
    invalid: 'invalid-not-sealed',
  },
  {
    id: 'addiction-determination/registration-record',
    valid: ['valid', 'valid-substitution'],
    rules: [
      ['valid', 'rehabForm', true],
      ['valid-substitution', 'rehabForm', false],
    ],
    invalid: 'invalid-rehab-form-missing',
  },
  {
    id: 'addiction-determination/redetermination',
    valid: ['valid', 'valid-person'],
    rules: [
      ['valid', 'officerName', true],
      ['valid-person', 'officerName', false],
    ],
    invalid: 'invalid-officer-missing',
  },
];

/** A fixture file (the test server serves JSON as a module with the data as its default export). */
const fixtureOf = async (id: string, file: string): Promise<Record<string, unknown>> =>
  ((await import(`../${id}/fixtures/${file}.json`)) as { default: Record<string, unknown> }).default;

for (const f of STEP_FORMS) {
  describe(f.id, () => {
    const load = (): Promise<FormModule> => import(`../generated/${f.id}.js`) as Promise<FormModule>;

    for (const file of f.valid) {
      it(`renders ${file}.json valid and axe-clean`, async () => {
        const form = await render(await load(), await fixtureOf(f.id, file));
        expect(form.checkValidity(), `${file} valid`).to.equal(true);
        await expect(form).to.be.accessible();
      });
    }

    it('shows each conditional field only where its rule applies', async () => {
      const mod = await load();
      for (const [file, path, shown] of f.rules) {
        const form = await render(mod, await fixtureOf(f.id, file));
        expect(form.control(path) !== null, `${path} in ${file}`).to.equal(shown);
      }
    });

    for (const lang of ['vi', 'en'] as const) {
      it(`shows the message of ${f.invalid}.json (${lang})`, async () => {
        const mod = await load();
        const expected = (await fixtureOf(f.id, `${f.invalid}.expect`)) as { path: string; keyword: string };
        const form = await render(mod, await fixtureOf(f.id, f.invalid), lang);
        expect(form.validate()).to.equal(false);
        await settle(form);
        const key = `${expected.path.replace(/\.\d+(?=\.|$)/g, '')}.error.${expected.keyword}`;
        const message = (mod.messages as Record<string, Record<string, string>>)[lang][key];
        expect(message, `${key} in messages.${lang}`).to.be.a('string');
        expect(shownError(form, expected.path)).to.equal(message);
      });
    }
  });
}

/**
 * Every invalid fixture of these forms, as a user submitting it sees it: the error summary names the
 * expected field, with the form's own message where it has one, in Vietnamese and then in English.
 */
const INVALID: Record<string, readonly string[]> = {
  'addiction-determination/request': [
    'invalid-commitment-missing',
    'invalid-police-negative-test',
    'invalid-police-no-test',
    'invalid-police-number',
    'invalid-previous-result-missing',
    'invalid-relative-phone',
    'invalid-representative-missing',
    'invalid-self-minor',
  ],
  'addiction-determination/criteria': [
    'invalid-addicted-two-criteria',
    'invalid-certificate-missing',
    'invalid-conclusion-contradicts',
    'invalid-criterion-twice',
    'invalid-criterion-unknown',
    'invalid-pattern-missing',
    'invalid-unsigned',
  ],
  'addiction-determination/observation': [
    'invalid-observer-missing',
    'invalid-pulse',
    'invalid-recorded-at',
    'invalid-sheet',
    'invalid-summary-findings-missing',
    'invalid-vital-signs-missing',
  ],
  'addiction-determination/result': [
    'invalid-no-medical-record',
    'invalid-not-sealed',
    'invalid-number',
    'invalid-number-missing',
    'invalid-substances-missing',
  ],
  'addiction-determination/registration-record': [
    'invalid-case-reference',
    'invalid-programme',
    'invalid-registered-on-missing',
    'invalid-rehab-form-missing',
  ],
  'addiction-determination/redetermination': [
    'invalid-officer-missing',
    'invalid-previous-result-missing',
    'invalid-reason-missing',
    'invalid-requested-on',
  ],
};

/** The schema at a dotted data path (indices follow `items`). */
function schemaAt(schema: unknown, path: string): Record<string, unknown> | undefined {
  let node = schema as Record<string, unknown> | undefined;
  for (const segment of path.split('.')) {
    if (!node) return undefined;
    node = (
      /^\d+$/.test(segment) ? node.items : (node.properties as Record<string, unknown> | undefined)?.[segment]
    ) as Record<string, unknown> | undefined;
  }
  return node;
}

const summaryText = (form: HosoForm): string =>
  [...form.shadowRoot!.querySelectorAll('.error-summary li')]
    .map((li) => li.textContent?.replace(/\s+/g, ' ').trim())
    .join('\n');

describe('invalid fixtures in the error summary, vi then en', () => {
  for (const [id, files] of Object.entries(INVALID)) {
    for (const file of files) {
      it(`${id}: ${file}.json`, async () => {
        const mod = (await import(`../generated/${id}.js`)) as FormModule;
        const expected = (await fixtureOf(id, `${file}.expect`)) as { path: string; keyword: string };
        const form = await render(mod, await fixtureOf(id, file), 'vi');
        const key = expected.path.replace(/\.\d+(?=\.|$)/g, '');
        const messages = mod.messages as Record<string, Record<string, string>>;
        const seen: string[] = [];
        for (const lang of ['vi', 'en'] as const) {
          form.lang = lang;
          await settle(form);
          expect(form.validate(), `${file} invalid`).to.equal(false);
          await settle(form);
          const text = summaryText(form);
          const title = schemaAt(mod.schema, expected.path)?.title as string | undefined;
          const label = messages[lang][`${key}.label`] ?? (lang === 'vi' ? title : undefined);
          expect(label, `${key}.label (${lang})`).to.be.a('string');
          expect(text, `summary (${lang}) names ${key}`).to.include(`${label!}: `);
          const custom = messages[lang][`${key}.error.${expected.keyword}`];
          if (custom) expect(text, `summary (${lang}) says ${key}.error.${expected.keyword}`).to.include(custom);
          seen.push(text);
        }
        expect(seen[1], 'the English summary differs from the Vietnamese one').to.not.equal(seen[0]);
      });
    }
  }
});
