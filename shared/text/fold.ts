/**
 * Folds text for accent- and case-insensitive search: "Société Générale" and
 * "societe generale" fold to the same string. Whitespace runs become one space.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
