/**
 * The services table while the service form is still loading: the type column never shows the raw code
 * (`counselling`), only a neutral placeholder (with "loading" for screen readers), then the form's title in vi/en.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { builtinProcedures, type FormModule, type LoadedProcedure } from './content.js';
import { RecordForms, renderRecords } from './records.js';
import { procedureTerms } from '../i18n/procedure-terms.js';

const services = [
  { providedOn: '2026-07-01', type: 'counselling', provider: 'Trạm Y tế xã' },
  { providedOn: '2026-07-03', type: 'supervision', provider: 'Công an xã' },
];

describe('records: the services table while its form loads', () => {
  for (const [lang, first] of [
    ['vi', 'Tư vấn, hỗ trợ tâm lý'],
    ['en', 'Counselling'],
  ] as const) {
    it(`(${lang}) shows a placeholder, never the code, then the title`, async () => {
      const real = await builtinProcedures('voluntary-rehab');
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const loaded: LoadedProcedure = {
        ...real,
        form: async (id): Promise<FormModule> => {
          await gate;
          return real.form(id);
        },
      };
      let updates = 0;
      const forms = new RecordForms({ requestUpdate: () => updates++ } as never);
      const draw = () => renderRecords({ services }, loaded, forms, lang, procedureTerms[lang]);
      const el = await fixture<HTMLDivElement>(html`<div>${draw()}</div>`);
      const cells = () => [...el.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.textContent!.trim());
      expect(cells()).to.have.length(2);
      for (const cell of cells()) {
        expect(cell).to.not.match(/counselling|supervision/);
        expect(cell.startsWith('…')).to.equal(true);
      }
      release();
      const start = performance.now();
      while (!updates && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
      const after = await fixture<HTMLDivElement>(html`<div>${draw()}</div>`);
      const titles = [...after.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.textContent!.trim());
      expect(titles[0]).to.equal(first);
      expect(titles[1]).to.not.equal('supervision');
    });
  }
});
