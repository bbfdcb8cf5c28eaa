/**
 * The parts a document is made of: blocks of content, sections, signatures.
 * Their own module so the builders of parts (executive-summary.ts) and the
 * builder of the whole document (document.ts) both import them without
 * importing each other; document.ts re-exports them for its readers.
 */
import type { BarChart } from './charts';

/** A piece of content inside a section. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'facts'; rows: [string, string][] }
  /** `variant: 'grade-grid'`: the fit × engagement grid, its MQL cells filled in print. */
  | { kind: 'table'; columns: string[]; rows: string[][]; numeric?: number[]; variant?: 'grade-grid' }
  | { kind: 'funnel'; levels: { label: string; value: number }[]; caption: string }
  | { kind: 'note'; text: string }
  /** A bar chart (drawn as SVG in print); `figuresInTable`: the table that follows carries every figure, so Markdown prints the caption only. */
  | { kind: 'chart'; chart: BarChart; caption: string; figuresInTable?: boolean };

/** A part of the document. */
export interface DocumentSection {
  id: string;
  title: string;
  blocks: Block[];
}

/** One signature as it appears on the signature page. */
export interface SignatureEntry {
  name: string;
  title: string;
  team: string;
  method: 'drawn' | 'typed';
  /** A PNG data URL of the drawn or typed signature. */
  image: string;
  signedAt: string;
  contentHash: string;
}
