/**
 * Styles of `<hoso-document>`: an A4 sheet in the administrative format of Decree 30/2020/NĐ-CP (Times New Roman
 * 13–14 pt, margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm). `printSheet` goes on the page itself
 * (`@page` is ignored inside shadow roots) and, while `print()` runs, hides everything but the printing element.
 */
import { css } from 'lit';

/** Page margins in millimetres (Decree 30/2020 Appendix I: top 20–25, bottom 20–25, left 30–35, right 15–20). */
export const MARGINS_MM = { top: 20, right: 15, bottom: 20, left: 30 } as const;

export const documentStyles = css`
  :host {
    display: block;
    color: #000;
    --hoso-document-font: 'Times New Roman', 'Liberation Serif', 'Tinos', 'Nimbus Roman', serif;
  }
  .sheet {
    box-sizing: border-box;
    width: 210mm;
    max-width: 100%;
    min-height: 297mm;
    margin: 0 auto;
    padding: 20mm 15mm 20mm 30mm;
    background: #fff;
    font-family: var(--hoso-document-font);
    font-size: 14pt;
    line-height: 1.3;
    box-shadow: 0 0 0 1px #ccc;
  }
  .form-code {
    text-align: right;
    font-size: 12pt;
    font-style: italic;
    margin: 0 0 4pt;
  }
  .heading {
    display: grid;
    grid-template-columns: 40% 60%;
    text-align: center;
    font-size: 13pt;
  }
  .heading p {
    margin: 0;
  }
  .agency,
  .nation,
  .motto,
  .title,
  .subtitle,
  .authority,
  .enacting,
  .sign-title,
  .sign-name {
    font-weight: bold;
  }
  /* A heading line breaks between the body and the unit's name ("ỦY BAN NHÂN DÂN" / "PHƯỜNG SÀI GÒN"), never
     inside a part unless the part alone is wider than the column. */
  .heading .keep {
    display: inline-block;
  }
  .agency::after,
  .motto::after {
    content: '';
    display: block;
    margin: 1pt auto 0;
    border-top: 1px solid #000;
  }
  .agency::after {
    width: 35%;
  }
  .nation {
    font-size: 12pt;
    white-space: nowrap;
  }
  .motto {
    font-size: 13pt;
  }
  .motto::after {
    width: 55%;
  }
  .number {
    margin-top: 6pt !important;
  }
  .date {
    font-style: italic;
    font-size: 14pt;
    margin-top: 6pt !important;
  }
  h1,
  h2 {
    font-size: 14pt;
    text-align: center;
    margin: 0;
  }
  h1 {
    margin-top: 18pt;
  }
  .subtitle::after {
    content: '';
    display: block;
    width: 30%;
    margin: 2pt auto 0;
    border-top: 1px solid #000;
  }
  .authority,
  .enacting {
    text-align: center;
    margin: 12pt 0 6pt;
  }
  .basis {
    font-style: italic;
    margin: 0;
    text-indent: 10mm;
    text-align: justify;
  }
  .body p {
    margin: 6pt 0 0;
    text-indent: 10mm;
    text-align: justify;
  }
  .foot {
    display: grid;
    grid-template-columns: 50% 50%;
    margin-top: 12pt;
    break-inside: avoid;
  }
  .recipients {
    font-size: 11pt;
  }
  .recipients p {
    margin: 0;
  }
  .recipients .label {
    font-size: 12pt;
    font-weight: bold;
    font-style: italic;
  }
  .signature {
    text-align: center;
  }
  .signature p {
    margin: 0;
    white-space: pre-line;
  }
  .sign-name {
    margin-top: 60pt !important;
  }
  .missing {
    background: #fff3bf;
  }
  .problems {
    max-width: 210mm;
    margin: 8px auto;
    padding: 8px 12px;
    border: 2px solid #b35c00;
    font-family: system-ui, sans-serif;
  }
  .problems code {
    font-family: ui-monospace, monospace;
  }
  .error {
    color: var(--hoso-error-color, #b00020);
  }
  @media print {
    .sheet {
      width: auto;
      min-height: 0;
      padding: 0;
      box-shadow: none;
    }
    .missing {
      background: none;
    }
    .problems {
      display: none;
    }
  }
`;

const { top, right, bottom, left } = MARGINS_MM;

/** Page-level rules: A4 and the margins, and while printing one element, only that element. */
export const printSheetText = `
@page { size: A4 portrait; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
@media print {
  html[data-hoso-printing] body { margin: 0; }
  html[data-hoso-printing] body * { visibility: hidden; }
  html[data-hoso-printing] hoso-document[printing],
  html[data-hoso-printing] hoso-document[printing] * { visibility: visible; }
  html[data-hoso-printing] hoso-document[printing] { position: absolute; left: 0; top: 0; width: 100%; }
}
`;
