// The architecture doc quotes the layer table lint enforces (build/layers.mjs): a
// layer added, removed or given other imports must show in the doc the next
// engineer reads, so the two never tell different stories.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layers } from '../../build/layers.mjs';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** A layer id as the doc writes it: a folder, with `<feature>` for each feature folder. */
const folder = (layer: string) => `\`${layer.replace('*', '<feature>')}/\``;

/** The table as docs/architecture.md must show it, rendered from build/layers.mjs. */
export function layerTableMarkdown(rows: readonly { layer: string; holds: string; mayImport: readonly string[] }[]): string[] {
  return [
    '| layer | holds | may import, besides itself |',
    '|---|---|---|',
    ...rows.map((row) => `| ${folder(row.layer)} | ${row.holds} | ${row.mayImport.length === 0 ? 'nothing else' : row.mayImport.map(folder).join(', ')} |`),
  ];
}

/** The first table under the doc's "### Layer table" heading. */
export function documentedTable(markdown: string): string[] {
  const section = markdown.split(/^### Layer table$/m)[1]?.split(/^#{1,3} /m)[0] ?? '';
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('the layer table in docs/architecture.md', () => {
  it('reads the table under its heading and renders one from rows', () => {
    const doc = '## Layers\n\n### Layer table\n\nText.\n\n| layer | holds | may import, besides itself |\n|---|---|---|\n| `shared/` | pure | nothing else |\n\nAfter.\n\n## Next\n';
    expect(documentedTable(doc)).toEqual(layerTableMarkdown([{ layer: 'shared', holds: 'pure', mayImport: [] }]));
    expect(layerTableMarkdown([{ layer: 'renderer/features/*', holds: 'a feature', mayImport: ['shared', 'renderer/store'] }])[2]).toBe('| `renderer/features/<feature>/` | a feature | `shared/`, `renderer/store/` |');
  });

  it('is the table lint enforces, row for row', () => {
    const expected = layerTableMarkdown(layers);
    const documented = documentedTable(readFileSync(resolve(projectRoot, 'docs', 'architecture.md'), 'utf8'));
    expect(documented, `docs/architecture.md, "Layer table", differs from build/layers.mjs; it should read:\n${expected.join('\n')}`).toEqual(expected);
  });
});
