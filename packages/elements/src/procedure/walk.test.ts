/**
 * Every example scenario (examples/scenarios/*.json, the same files `hoso simulate` plays) walked through
 * `<hoso-procedure>` the way people would: the acting person's roles and the event's time set on the element,
 * the action chosen and the answers sent with the keyboard (Tab/Enter on the buttons; the form's data set as a
 * person would have typed it), on a real IndexedDB store. Each step must end where the runtime alone ends: an
 * accepted event stores the same state; a refused one is either not offered to that role or refused with a
 * message, and nothing is stored. Axe runs on the first step of each scenario (vi) and on the last (en).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openCaseStore, type CaseStore } from '@hoso/case-store';
import type { HosoForm } from '@hoso/forms';
import type { Case, CaseEvent, Person } from '@hoso/workflow';
import { builtinProcedures } from './content.js';
import type { HosoProcedure } from './hoso-procedure.js';
import '../index.js';
import { untilWithin } from './test-utils/procedure-fixture.js';
import s01 from '../../../../examples/scenarios/addiction-determination-police-minor-not-addicted.json';
import s02 from '../../../../examples/scenarios/addiction-determination-voluntary-addicted.json';
import s03 from '../../../../examples/scenarios/compulsory-rehab-adult-complaint-review.json';
import s04 from '../../../../examples/scenarios/compulsory-rehab-excluded-pregnant.json';
import s05 from '../../../../examples/scenarios/compulsory-rehab-minor-regional-court.json';
import s06 from '../../../../examples/scenarios/compulsory-rehab-refusals.json';
import s07 from '../../../../examples/scenarios/drug-user-management-refusals.json';
import s08 from '../../../../examples/scenarios/drug-user-management-residence-change.json';
import s09 from '../../../../examples/scenarios/electronic-monitoring-adult-violation.json';
import s10 from '../../../../examples/scenarios/electronic-monitoring-minor-no-consent.json';
import s11 from '../../../../examples/scenarios/post-rehab-compulsory-two-years.json';
import s12 from '../../../../examples/scenarios/voluntary-rehab-adult-community.json';
import s13 from '../../../../examples/scenarios/voluntary-rehab-minor-guardian.json';
import s14 from '../../../../examples/scenarios/voluntary-rehab-refusals.json';
import s15 from '../../../../examples/scenarios/post-rehab-services-and-needs.json';

interface Scenario {
  procedure: string;
  province?: string;
  createdAt?: string;
  person: Person;
  events: CaseEvent[];
}

const SCENARIOS: Record<string, Scenario> = {
  'addiction-determination-police-minor-not-addicted': s01,
  'addiction-determination-voluntary-addicted': s02,
  'compulsory-rehab-adult-complaint-review': s03,
  'compulsory-rehab-excluded-pregnant': s04,
  'compulsory-rehab-minor-regional-court': s05,
  'compulsory-rehab-refusals': s06,
  'drug-user-management-refusals': s07,
  'drug-user-management-residence-change': s08,
  'electronic-monitoring-adult-violation': s09,
  'electronic-monitoring-minor-no-consent': s10,
  'post-rehab-compulsory-two-years': s11,
  'voluntary-rehab-adult-community': s12,
  'voluntary-rehab-minor-guardian': s13,
  'voluntary-rehab-refusals': s14,
  'post-rehab-services-and-needs': s15,
} as unknown as Record<string, Scenario>;

const COMMUNE = '26734';

const until = untilWithin(8000);

/** Focus a button inside the element and press Enter, as a keyboard user does. */
async function press(button: HTMLElement): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
}

describe('every example scenario through <hoso-procedure>', () => {
  let store: CaseStore;
  beforeEach(async () => {
    store = await openCaseStore({ name: `walk-${crypto.randomUUID()}` });
  });
  afterEach(() => store.close());

  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(name, async function () {
      this.timeout(120000);
      const { runtime } = await builtinProcedures(scenario.procedure);
      const created = runtime.createCase({
        person: { ...scenario.person, communeCode: COMMUNE },
        at: scenario.createdAt ?? scenario.events[0]!.at,
        ...(scenario.province ? { province: scenario.province } : {}),
      });
      let expected = (await store.putCase(created as never, { expectedRev: 0 })) as unknown as Case;
      const el = await fixture<HosoProcedure>(
        html`<hoso-procedure
          procedure=${scenario.procedure}
          case-id=${expected.id}
          lang="vi"
          now=${scenario.events[0]!.at}
          .user=${{ id: 'x', roles: [], communeCode: COMMUNE }}
          .store=${store}
        ></hoso-procedure>`,
      );
      const q = <E extends HTMLElement = HTMLElement>(sel: string): E | null => el.shadowRoot!.querySelector<E>(sel);
      await until(() => q('.header h2'), 'the procedure');

      for (const [i, event] of scenario.events.entries()) {
        const step = `${name} event ${i} ${event.type} by ${event.by.roles.join('+')}`;
        el.user = { id: event.by.id, roles: event.by.roles, communeCode: COMMUNE };
        el.now = event.at;
        await el.updateComplete;
        const outcome = await runtime.apply(expected, event);
        const button = q(`button[data-event="${event.type}"]`);
        if (!outcome.ok && !button) continue; // not offered to this role in this state: nothing to press
        expect(button, `${step}: the action is offered`).to.not.equal(null);
        await press(button!);
        const form = await until(
          () => q<HosoForm>('hoso-form') ?? q('button[data-action="submit"]'),
          `${step}: its form or confirmation`,
        );
        if (form.localName === 'hoso-form') {
          const f = form as HosoForm;
          f.data = structuredClone(event.data);
          await f.updateComplete;
          await press(q('button[data-action="continue"]')!);
          const errors = f.errors
            .slice(0, 3)
            .map((e) => `${e.instancePath || '/'} ${e.keyword} ${JSON.stringify(e.params)}`);
          if (!outcome.ok && errors.length) {
            // The form stops what the procedure would refuse, before anything is sent: shown, nothing stored.
            await until(
              () => f.shadowRoot!.querySelector('[part~="error-summary"], .step-errors'),
              `${step}: errors shown`,
            );
            expect(q('dl.answers'), step).to.equal(null);
            q<HTMLButtonElement>('button[data-action="cancel"]')!.click();
            await until(() => !q('hoso-form'), `${step}: back to the actions`);
            continue;
          }
          expect(errors, `${step}: the procedure accepts it, so its form must too`).to.deep.equal([]);
          await until(() => q('dl.answers'), `${step}: the answers to check`);
        } else {
          const empty =
            event.data === undefined || (typeof event.data === 'object' && !Object.keys(event.data!).length);
          expect(empty, `${step}: an event that carries data needs a form`).to.equal(true);
        }
        if (i === 0) await expect(el).to.be.accessible();
        const before = (await store.getCase(expected.id))!.rev;
        await press(q('button[data-action="submit"]')!);
        if (outcome.ok) {
          await until(() => el.case?.rev === before + 1 && el.case, `${step}: the case stored`);
          await until(() => !q('button[data-action="submit"]'), `${step}: back to the actions`);
          const stored = (await store.getCase(expected.id))!;
          expect(stored.state, step).to.equal(outcome.case.state);
          expect(
            stored.deadlines.map((d) => d.dueAt),
            step,
          ).to.deep.equal(outcome.case.deadlines.map((d) => d.dueAt));
          expected = stored as unknown as Case;
        } else {
          const alert = await until(() => q('[role="alert"][data-kind="refused"]'), `${step}: the refusal`);
          expect(alert.textContent, step).to.contain(outcome.refusal.message.vi);
          expect((await store.getCase(expected.id))!.rev, `${step}: nothing stored`).to.equal(before);
          q<HTMLButtonElement>('button[data-action="back"], button[data-action="cancel"]')?.click();
          await until(() => !q('button[data-action="submit"]'), `${step}: back to the actions`);
          const cancel = q<HTMLButtonElement>('button[data-action="cancel"]');
          cancel?.click();
        }
      }
      el.lang = 'en';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});
