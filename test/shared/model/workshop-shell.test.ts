import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../../shared/model/agreement';
import { withParked, withPosition } from '../../../shared/model/consensus';
import { undoSentence, describeEdit } from '../../../shared/document/edit-summary';
import { searchItems } from '../../../shared/model/item-search';
import { openQuestions } from '../../../shared/model/open-questions';
import { consensusItems, setConsensusOf } from '../../../shared/model/sections';
import { actionOfKeyPress, actionOfMenuCommand, menuCommandOf, shortcutText, workshopActionDefinitions, workshopActionGroups, workshopMenuCommands, type WorkshopActionDefinition } from '../../../shared/model/workshop-actions';
import { menuCommands } from '../../../shared/ipc/contract';
import { findTemplate } from '../../../shared/templates/templates';

const template = (): Agreement => findTemplate('b2b-saas-mid-market')!.build();

/** A copy with one item's consensus changed (as the editor does: positions for the item's current content). */
function withConsensus(agreement: Agreement, label: string, change: (consensus: Agreement['commitments'][number]['consensus'], hash: string) => Agreement['commitments'][number]['consensus']): Agreement {
  const copy = structuredClone(agreement);
  const item = consensusItems(copy).find((entry) => entry.label === label)!;
  setConsensusOf(copy, item, change(item.consensus, item.contentHash));
  return copy;
}

describe('the workshop actions, defined once', () => {
  const definitions: readonly WorkshopActionDefinition[] = workshopActionDefinitions;

  it('has unique ids, labels and shortcuts, every action in a known group', () => {
    expect(new Set(definitions.map((action) => action.id)).size).toBe(definitions.length);
    expect(new Set(definitions.map((action) => action.label)).size).toBe(definitions.length);
    const keys = definitions.flatMap((action) => action.shortcuts.map(shortcutText));
    expect(new Set(keys).size).toBe(keys.length);
    for (const action of definitions) expect(workshopActionGroups).toContain(action.group);
  });

  it('maps every action to one native-menu command the preload lets through, and back', () => {
    const commands = definitions.map(menuCommandOf);
    expect(new Set(commands).size).toBe(commands.length);
    for (const action of definitions) {
      expect(menuCommands as readonly string[]).toContain(menuCommandOf(action));
      expect(actionOfMenuCommand(menuCommandOf(action))).toBe(action.id);
    }
    // The older commands keep their names (File → Export → PDF still sends export:pdf).
    expect(menuCommandOf(definitions.find((action) => action.id === 'export-pdf-a4')!)).toBe('export:pdf');
    expect(workshopMenuCommands).toContain('workshop:timer-toggle');
    expect(actionOfMenuCommand('library:show')).toBeNull();
  });

  it('runs each shortcut’s action from its key press, and every shown shortcut is one', () => {
    for (const action of definitions) {
      for (const shortcut of action.shortcuts) {
        const press = { code: shortcut.code, key: shortcut.key.toLowerCase(), altKey: Boolean(shortcut.alt), ctrlKey: Boolean(shortcut.mod), metaKey: false, shiftKey: Boolean(shortcut.shift) };
        expect(actionOfKeyPress(press), shortcutText(shortcut)).toBe(action.id);
      }
    }
    expect(shortcutText(definitions.find((action) => action.id === 'timer-next')!.shortcuts[0]!)).toBe('Alt+Shift+T');
    // Cmd on a Mac is the same as Ctrl elsewhere.
    expect(actionOfKeyPress({ code: 'KeyZ', key: 'z', altKey: false, ctrlKey: false, metaKey: true, shiftKey: false })).toBe('undo');
  });
});

describe('one count of what is open', () => {
  it('counts disputed items, parked items and open topics once, for the header, the drawer and the summary', () => {
    let agreement = template();
    const stage = `Stage “${agreement.stages[1]!.name}”`;
    const term = `Term “${agreement.glossary[0]!.term}”`;
    agreement = withConsensus(agreement, 'Commitment “First touch after MQL”', (consensus, hash) => withPosition(consensus, 'sales', 'disagree', hash));
    agreement = withConsensus(agreement, stage, (consensus, hash) => withParked(consensus, true, hash));
    agreement = withConsensus(agreement, term, (consensus, hash) => withParked(withPosition(consensus, 'marketing', 'disagree', hash), true, hash));
    agreement.parkingLot = [
      { id: 't1', topic: 'Partner leads', raisedBy: 'Ana', notes: '', status: 'open' },
      { id: 't2', topic: 'Events budget', raisedBy: '', notes: '', status: 'resolved' },
    ] as Agreement['parkingLot'];
    const open = openQuestions(agreement);
    // Independently: one disputed, two parked (a parked item stays parked whatever the positions), one open topic.
    expect(open.counts).toEqual({ disputed: 1, parkedItems: 2, topics: 1, parked: 3, open: 4 });
    expect(open.disputed.map((item) => item.label)).toEqual(['Commitment “First touch after MQL”']);
    expect(open.topics.map((topic) => topic.topic)).toEqual(['Partner leads']);
  });
});

describe('undo says what it undid', () => {
  it('names a number with its unit, before → after, and what it moved with it', () => {
    const before = template();
    const after = structuredClone(before);
    after.revenuePlan.sdrHeadcount = 5;
    expect(undoSentence('undo', { before, after })).toBe('Undid: SDR headcount: 4 → 5');
    expect(undoSentence('redo', { before, after })).toBe('Redid: SDR headcount: 4 → 5');
    // The win rate drives marketing's MQL target: undo says both, so nobody is surprised by the second.
    const rate = structuredClone(before);
    rate.revenuePlan.winRate = 22;
    const sentence = undoSentence('undo', { before, after: rate });
    expect(sentence.startsWith('Undid: Win rate: 25 % → 22 %; MQLs delivered: ')).toBe(true);
  });

  it('names a text field', () => {
    const before = template();
    const after = structuredClone(before);
    after.workshop.client = 'Globex AG';
    expect(undoSentence('undo', { before, after })).toBe(`Undid: Client: ${before.workshop.client || '—'} → Globex AG`);
  });

  it('names a list item added or removed', () => {
    const before = template();
    const added = structuredClone(before);
    added.reasons.push({ ...structuredClone(before.reasons[0]!), id: 'r-new', label: 'Student', code: 'STUDENT' });
    expect(undoSentence('undo', { before, after: added })).toBe('Undid: Reason code “Student” added');
    const removed = structuredClone(before);
    const gone = removed.kpis.shift()!;
    expect(undoSentence('undo', { before, after: removed })).toBe(`Undid: KPI “${gone.name}” removed`);
  });

  it('names a change of consensus: a position and parking', () => {
    const before = template();
    const agreed = withConsensus(before, 'Commitment “First touch after MQL”', (consensus, hash) => withPosition(consensus, 'marketing', 'agree', hash));
    expect(undoSentence('undo', { before, after: agreed })).toBe('Undid: Commitment “First touch after MQL”: Marketing to say → agrees');
    const parked = withConsensus(before, 'Stage “MQL”', (consensus, hash) => withParked(consensus, true, hash));
    expect(undoSentence('redo', { before, after: parked })).toBe('Redid: Stage “MQL”: proposed → parked');
  });

  it('names three changes and counts the rest; an edit neither diff names is still said', () => {
    const before = template();
    const after = structuredClone(before);
    after.revenuePlan.sdrHeadcount = 6;
    after.revenuePlan.leadsPerSdrPerWeek = 20;
    after.revenuePlan.salesCycleDays = 45;
    after.workshop.client = 'Initech';
    after.workshop.facilitator = 'Dana Lee';
    expect(describeEdit(before, after)).toHaveLength(5);
    expect(undoSentence('undo', { before, after })).toBe(`Undid: Client: ${before.workshop.client || '—'} → Initech; Facilitator: ${before.workshop.facilitator || '—'} → Dana Lee; Sales cycle: 60 days → 45 days; and 2 more changes`);
    const notes = structuredClone(before);
    notes.revenuePlan.periodLabel = 'Half year';
    expect(undoSentence('undo', { before, after: notes })).toBe('Undid the last change');
  });
});

describe('the palette finds items', () => {
  it('finds the commitment by a few words, ignoring case and accents', () => {
    const agreement = template();
    // Independently: the glossary terms and commitments whose names hold both words.
    const has = (text: string) => text.toLowerCase().includes('first') && text.toLowerCase().includes('touch');
    const expected = [...agreement.glossary.filter((term) => has(term.term)).map((term) => term.id), ...agreement.commitments.filter((commitment) => has(commitment.metric)).map((commitment) => commitment.id)];
    expect(expected.length).toBeGreaterThan(0);
    expect(searchItems(agreement, 'first touch').map((item) => item.id)).toEqual(expected);
    const commitment = searchItems(agreement, 'FÍRST   tóuch after').at(0);
    expect(commitment).toMatchObject({ section: 'handoff', label: 'Commitment “First touch after MQL”', part: '8. Handoff and SLA' });
  });

  it('finds nothing for an empty search or a word no item has', () => {
    expect(searchItems(template(), '   ')).toEqual([]);
    expect(searchItems(template(), 'zebra')).toEqual([]);
  });
});
