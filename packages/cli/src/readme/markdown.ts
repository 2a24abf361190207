/** Small Markdown helpers for `hoso readme`: tables with safe cells, code spans, form links. */

/** A table cell: no line breaks, no unescaped pipes. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim() || ' ';
}

export function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

export const code = (s: string): string => `\`${s}\``;

/** A bilingual pair, Vietnamese first. */
export const both = (t: { vi: string; en: string }): string => (t.vi === t.en ? t.vi : `${t.vi} / ${t.en}`);
