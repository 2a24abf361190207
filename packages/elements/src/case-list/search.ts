/**
 * Search for the case list: a name matches whatever the accents and case (NFC-normalised, diacritics folded,
 * `đ` ↔ `d`), word by word; a personal ID matches by prefix, ignoring spaces and dots typed between digits.
 */

/** Folds text for comparison: NFC, lower case, `đ` → `d`, no combining marks, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A parsed search: folded words for names, and the digits/letters for an ID prefix. */
export interface Query {
  readonly words: readonly string[];
  readonly id: string;
  readonly empty: boolean;
}

export function parseQuery(text: string): Query {
  const folded = fold(text);
  return {
    words: folded ? folded.split(' ') : [],
    id: folded.replace(/[\s.\-/]/g, ''),
    empty: folded === '',
  };
}

/** What a row offers to the search: its folded name words and its personal ID. */
export interface Searchable {
  readonly nameWords: readonly string[];
  readonly personalId: string;
}

export function searchable(name: string, personalId: string): Searchable {
  const folded = fold(name);
  return { nameWords: folded ? folded.split(' ') : [], personalId: fold(personalId).replace(/[\s.\-/]/g, '') };
}

/**
 * True when every word of the query starts a word of the name ("nguyen a" finds "Nguyễn Văn A"; the last word
 * may be unfinished), or when the query is the start of the personal ID.
 */
export function matches(query: Query, row: Searchable): boolean {
  if (query.empty) return true;
  if (query.id && row.personalId.startsWith(query.id)) return true;
  const used = new Set<number>();
  return query.words.every((word) => {
    const i = row.nameWords.findIndex((w, j) => !used.has(j) && w.startsWith(word));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}
