// A template builds a fresh agreement every time: nothing in it is shared with the template's module data or with
// another build. The editor's state is frozen by immer; a shared array frozen there made the next build's array
// read-only (found when the unit tests shared one module graph: a later test could not write into its agreement).
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { builtInTemplates } from '../../../shared/templates/templates';

/** Every object and array reachable from `root`. */
function reachable(root: unknown): Set<object> {
  const seen = new Set<object>();
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    for (const child of Object.values(value)) walk(child);
  };
  walk(root);
  return seen;
}

describe('template builds', () => {
  it.each(builtInTemplates.map((template) => [template.id, template] as const))('%s: two builds share no object or array, and freezing one leaves the next writable', (_id, template) => {
    const first = template.build();
    const second = template.build();
    const shared = [...reachable(second)].filter((value) => reachable(first).has(value));
    expect(shared).toEqual([]);
    // As the editor holds it: immer freezes the whole state deeply.
    const frozen = produce(first, (draft) => {
      draft.workshop.title = 'Edited';
    });
    expect(Object.isFrozen(frozen.buyingCommittee.seniorities)).toBe(true);
    const next = template.build();
    expect([...reachable(next)].filter((value) => Object.isFrozen(value))).toEqual([]);
    next.buyingCommittee.seniorities[0] = 'Board';
    expect(next.buyingCommittee.seniorities[0]).toBe('Board');
  });
});
