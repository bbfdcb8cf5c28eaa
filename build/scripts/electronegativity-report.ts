/**
 * Reading and judging Electronegativity's CSV report (pure; the runner is
 * build/scripts/electronegativity.ts). The tool always exits 0, so this is
 * where a finding becomes a failure.
 */

/** One finding, as the CSV has it (severity and confidence upper-case, without the quotes). */
export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
  url: string;
}

/** Severities in increasing order; anything above LOW fails the check. */
export const severityOrder = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/**
 * Findings that are review notes rather than defects, with why they are
 * accepted (docs/security.md repeats this). Any other finding above LOW fails.
 */
export const reviewedFindings: Record<string, string> = {
  PRELOAD_JS_CHECK:
    'A review note raised wherever a preload is set. Ours (electron/preload/preload.ts) exposes named functions only, never ipcRenderer or a raw invoke, and validates every event before the page sees it.',
};

/** Splits CSV text into rows of fields: double-quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

const columns = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'] as const;

/** Reads Electronegativity's CSV (header `issue, severity, confidence, filename, location, sample, description, url`). */
export function parseElectronegativityCsv(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((name) => name.trim().toLowerCase());
  const missing = columns.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`The Electronegativity report has no ${missing.join(', ')} column; its header is "${(header ?? []).join(',')}".`);
  const cell = (row: string[], name: (typeof columns)[number]) => (row[names.indexOf(name)] ?? '').trim();
  return rows.map((row) => ({
    issue: cell(row, 'issue'),
    severity: cell(row, 'severity').toUpperCase(),
    confidence: cell(row, 'confidence').toUpperCase(),
    file: cell(row, 'filename'),
    location: cell(row, 'location'),
    sample: cell(row, 'sample'),
    description: cell(row, 'description'),
    url: cell(row, 'url'),
  }));
}

/** Whether a severity is above LOW (an unknown severity counts as above, so nothing slips through). */
export function isAboveLow(severity: string): boolean {
  const rank = severityOrder.indexOf(severity as (typeof severityOrder)[number]);
  return rank === -1 || rank > severityOrder.indexOf('LOW');
}

/** Sorts findings into those that fail the check and those accepted (LOW and below, or reviewed). */
export function judgeFindings(findings: readonly Finding[], reviewed: Record<string, string> = reviewedFindings): { failing: Finding[]; accepted: Finding[] } {
  const failing: Finding[] = [];
  const accepted: Finding[] = [];
  for (const finding of findings) (isAboveLow(finding.severity) && !(finding.issue in reviewed) ? failing : accepted).push(finding);
  return { failing, accepted };
}

/** One line per finding, aligned: verdict, severity, confidence, check, where, and the line of code. */
export function formatFindings(findings: readonly Finding[], reviewed: Record<string, string> = reviewedFindings): string {
  if (findings.length === 0) return 'No findings.';
  const rows = findings.map((finding) => [
    isAboveLow(finding.severity) && !(finding.issue in reviewed) ? 'FAIL' : finding.issue in reviewed ? 'reviewed' : 'ok',
    finding.severity,
    finding.confidence,
    finding.issue,
    finding.file === 'N/A' ? '(global)' : `${finding.file}:${finding.location}`,
    finding.sample === 'N/A' ? '' : finding.sample.slice(0, 90),
  ]);
  const header = ['verdict', 'severity', 'confidence', 'check', 'where', 'code'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
