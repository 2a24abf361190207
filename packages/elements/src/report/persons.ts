/**
 * The drill-down of `<hoso-report>`: a modal `<dialog>` listing the persons behind one numerator or denominator
 * (name, personal ID, commune, sex, age band, number of case files). Escape or the close button closes it and the
 * element returns focus to the number that opened it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { IndicatorResult, PersonRef } from '@hoso/reports';
import type { Lang } from '../i18n/lang.js';
import { textOf, type ReportTerms } from './i18n.js';
import type { Side } from './table.js';

export interface PersonsContext {
  t: ReportTerms;
  lang: Lang;
  open: { indicator: IndicatorResult; side: Side } | undefined;
  unitLabel: (code: string) => string;
  onClose: () => void;
}

function personKey(t: ReportTerms, p: PersonRef): string {
  return p.key.startsWith('case:') ? t.notApplicable : p.key;
}

export function renderPersons(ctx: PersonsContext): TemplateResult {
  const { t, lang, open } = ctx;
  const persons = open ? (open.indicator.members?.[open.side] ?? []) : [];
  const sorted = [...persons].sort((a, b) => (a.fullName ?? '').localeCompare(b.fullName ?? '', t.locale));
  const label = open?.side === 'denominator' ? open.indicator.denominatorLabel : open?.indicator.numeratorLabel;
  const title = open
    ? t.persons.title(
        `${open.indicator.id}. ${textOf(open.indicator.title, lang)}`,
        open.side === 'numerator' ? t.persons.numerator : t.persons.denominator,
      )
    : '';
  return html`<dialog
    class="persons"
    part="persons"
    aria-labelledby="persons-title"
    aria-describedby=${label ? 'persons-desc' : nothing}
    @close=${ctx.onClose}
  >
    ${
      open
        ? html`<h3 id="persons-title">${title}</h3>
            ${label ? html`<p id="persons-desc">${textOf(label, lang)}</p>` : nothing}
            ${
              sorted.length
                ? html`<div class="scroll">
                    <table>
                      <caption class="visually-hidden">
                        ${title}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">${t.persons.name}</th>
                          <th scope="col">${t.persons.key}</th>
                          <th scope="col">${t.persons.commune}</th>
                          <th scope="col">${t.persons.sex}</th>
                          <th scope="col">${t.persons.ageBand}</th>
                          <th scope="col" class="num">${t.persons.cases}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${sorted.map(
                          (p) =>
                            html`<tr>
                              <th scope="row">${p.fullName || t.persons.unnamed}</th>
                              <td>${personKey(t, p)}</td>
                              <td>${p.communeCode ? ctx.unitLabel(p.communeCode) : t.notApplicable}</td>
                              <td>${t.sexes[p.sex ?? 'unknown'] ?? p.sex}</td>
                              <td>${t.ageBand(p.ageBand)}</td>
                              <td class="num">${p.caseIds.length}</td>
                            </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>`
                : html`<p>${t.persons.none}</p>`
            }
            <form method="dialog">
              <button type="submit" class="close" part="close" autofocus>${t.persons.close}</button>
            </form>`
        : nothing
    }
  </dialog>`;
}
