import type { ScoringModel } from '../scoring/scoring';
import { numberShape } from '../scoring/numbers';
import { defaultEmptyValues, type CalibrationMapping } from './mapping';

/** What the first rows of an export show about each column. */
export interface ColumnProfile {
  name: string;
  /** Distinct non-empty values seen in the sample, most frequent first (up to 30). */
  values: string[];
  /** Share of sampled non-empty values that read as numbers. */
  numericShare: number;
  /** Share of sampled non-empty values that read as dates (YYYY-MM-DD…). */
  dateShare: number;
}

const fold = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();
const words = (text: string) => fold(text.replace(/([a-z])([A-Z])/g, '$1 $2')).split(' ').filter((word) => word.length > 1);

/** Profiles the columns of a sample (the header and the first rows). */
export function profileColumns(header: readonly string[], rows: readonly (readonly string[])[], emptyValues: readonly string[] = defaultEmptyValues): ColumnProfile[] {
  const empty = new Set([...emptyValues.map((value) => value.trim().toLowerCase()), '']);
  return header.map((name, column) => {
    const counts = new Map<string, number>();
    let numeric = 0;
    let dates = 0;
    let total = 0;
    for (const row of rows) {
      const value = (row[column] ?? '').trim();
      if (empty.has(value.toLowerCase())) continue;
      total += 1;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      // Either decimal separator (“2,5” is a number in a German export; the whole-file profile says which one the column uses).
      if (value !== '' && numberShape(value) !== 'text') numeric += 1;
      if (/^\d{4}-\d{2}-\d{2}/.test(value) || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(value)) dates += 1;
    }
    const values = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([value]) => value);
    return { name: name.trim(), values, numericShare: total ? numeric / total : 0, dateShare: total ? dates / total : 0 };
  });
}

/** How well a column's name fits a name we look for: shared words, whole-name containment. */
function nameScore(wanted: string, column: string): number {
  const a = words(wanted);
  const b = words(column);
  if (a.length === 0 || b.length === 0) return 0;
  const foldedWanted = a.join('');
  const foldedColumn = b.join('');
  if (foldedWanted === foldedColumn) return 1;
  const shared = a.filter((word) => b.some((other) => other === word || (word.length > 3 && other.startsWith(word)) || (other.length > 3 && word.startsWith(other)))).length;
  const contains = foldedColumn.includes(foldedWanted) || foldedWanted.includes(foldedColumn) ? 0.3 : 0;
  return Math.min(0.95, (shared / a.length) * 0.7 + contains);
}

/**
 * Suggests a mapping from column names and sample values: each attribute to
 * the column whose name or values fit best (category values the agreement
 * names found in the column count most), each signal by name, the outcome
 * and date columns by usual names. A suggestion, never applied silently.
 */
export function suggestMapping(model: Pick<ScoringModel, 'attributes' | 'signals'>, columns: readonly ColumnProfile[]): CalibrationMapping {
  const used = new Set<string>();
  const attributes: CalibrationMapping['attributes'] = {};
  for (const attribute of model.attributes) {
    let best: { column: string; score: number } | null = null;
    for (const column of columns) {
      let score = nameScore(attribute.name, column.name);
      if (attribute.kind === 'category' && attribute.values.length > 0) {
        const named = new Set(attribute.values.map((value) => value.trim().toLowerCase()));
        const overlap = column.values.filter((value) => named.has(value.toLowerCase())).length;
        if (overlap > 0) score += 0.4 + Math.min(0.4, overlap / named.size);
      }
      if (attribute.kind === 'number') score += column.numericShare > 0.8 ? 0.1 : -0.3;
      if (attribute.kind === 'boolean' && column.values.length > 0 && column.values.length <= 3 && column.values.every((value) => /^(yes|no|true|false|1|0|y|n)$/i.test(value))) score += 0.2;
      if (score > 0.45 && (!best || score > best.score)) best = { column: column.name, score };
    }
    if (best) {
      attributes[attribute.name] = { column: best.column };
      used.add(best.column);
    }
  }
  const signals: CalibrationMapping['signals'] = {};
  for (const signal of model.signals) {
    let best: { column: string; score: number } | null = null;
    for (const column of columns) {
      const score = Math.max(nameScore(signal.key, column.name), nameScore(signal.name, column.name)) + (column.numericShare > 0.8 ? 0.1 : 0);
      if (score > 0.5 && (!best || score > best.score)) best = { column: column.name, score };
    }
    if (!best) continue;
    // A text column ("Last Activity") counts the signal when its value is named in the signal ("Last activity: SMS sent").
    const profile = columns.find((column) => column.name === best!.column);
    const named = profile && profile.numericShare < 0.8 ? profile.values.filter((value) => fold(signal.name).includes(fold(value)) && fold(value).length > 2) : [];
    signals[signal.key] = named.length > 0 ? { column: best.column, equals: named } : { column: best.column };
  }
  const outcomeNames = ['converted', 'conversion', 'won', 'is won', 'deal stage', 'stage', 'status', 'outcome', 'result', 'closed won'];
  const outcome = columns
    .map((column) => ({ column, score: Math.max(...outcomeNames.map((name) => nameScore(name, column.name))) + (column.values.length > 0 && column.values.length <= 6 ? 0.2 : 0) }))
    .filter((entry) => entry.score > 0.5 && !used.has(entry.column.name))
    .sort((a, b) => b.score - a.score)[0]?.column;
  const successWords = ['1', 'yes', 'true', 'won', 'closed won', 'converted'];
  const success = outcome ? outcome.values.filter((value) => successWords.includes(value.toLowerCase())) : [];
  const date = columns.filter((column) => column.dateShare > 0.8).sort((a, b) => Math.max(nameScore('created date', b.name), nameScore('engage date', b.name)) - Math.max(nameScore('created date', a.name), nameScore('engage date', a.name)))[0];
  return {
    version: 1,
    emptyValues: [...defaultEmptyValues],
    attributes,
    signals,
    lastActivity: null,
    outcome: { column: outcome?.name ?? '', success },
    date: date ? { column: date.name } : null,
    accounts: null,
  };
}
