import type { Lead, ScoringModel } from './scoring';

/** The field names a pasted lead may use for the date of the last activity. */
const ACTIVITY_NAMES = ['lastactivity', 'last activity', 'last activity date', 'lastactivitydate', 'last_activity'];

const fold = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Reads one lead pasted into the lead tester: a JSON object, "name: value"
 * lines, or a CSV header line and one row (comma, semicolon or tab). Names
 * are matched to the agreement's attributes and signals ignoring case,
 * spaces, dashes and underscores. Returns the lead and the names it did not know.
 */
export function parsePastedLead(text: string, model: Pick<ScoringModel, 'attributes' | 'signals'>): { ok: true; lead: Lead; unknownFields: string[] } | { ok: false; message: string } {
  const pairs = readPairs(text.trim());
  if (!pairs) return { ok: false, message: 'Paste a JSON object, “name: value” lines, or a CSV header and one row.' };
  const attributes = new Map(model.attributes.map((attribute) => [fold(attribute.name), attribute.name]));
  const signals = new Map(model.signals.map((signal) => [fold(signal.key), signal.key]));
  const lead: Lead = { attributes: {}, signals: {} };
  const unknownFields: string[] = [];
  for (const [name, raw] of pairs) {
    const key = fold(name);
    const value = raw === null || raw === undefined ? null : typeof raw === 'object' ? JSON.stringify(raw) : raw;
    if (attributes.has(key)) lead.attributes[attributes.get(key)!] = typeof value === 'string' && value.trim() === '' ? null : (value as string | number | boolean | null);
    else if (signals.has(key)) {
      const count = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
      lead.signals[signals.get(key)!] = Number.isFinite(count) && count >= 0 ? count : null;
    } else if (ACTIVITY_NAMES.some((entry) => fold(entry) === key)) lead.lastActivity = value === null ? null : String(value);
    else unknownFields.push(name);
  }
  return { ok: true, lead, unknownFields };
}

function readPairs(text: string): [string, unknown][] | null {
  if (text === '') return null;
  if (text.startsWith('{')) {
    try {
      const data = JSON.parse(text) as unknown;
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? Object.entries(data) : null;
    } catch {
      return null;
    }
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.every((line) => /^[^:=\t]+[:=]/.test(line)) && lines.length > 0) {
    return lines.map((line) => {
      const at = line.search(/[:=]/);
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    });
  }
  if (lines.length === 2) {
    const delimiter = [',', ';', '\t'].sort((a, b) => lines[0]!.split(b).length - lines[0]!.split(a).length)[0]!;
    const header = splitCsvLine(lines[0]!, delimiter);
    const row = splitCsvLine(lines[1]!, delimiter);
    if (header.length < 2 || header.length !== row.length) return null;
    return header.map((name, index) => [name, row[index]!]);
  }
  return null;
}

function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((entry) => entry.trim());
}
