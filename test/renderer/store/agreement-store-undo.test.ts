// Undo and redo of the agreement editor, through the stores the app builds
// (createAppStores) over a real database, with the editor's clock moved by hand:
// whether two keystrokes are one undo step depends on the time between them, so the
// test sets that time instead of depending on how fast this machine runs.
import { describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { COALESCE_MS, UNDO_LIMIT } from '../../../renderer/store/agreement-store';
import { createAppStores } from '../../../renderer/store/create-stores';
import type { Agreement } from '../../../shared/model/agreement';
import { readiness } from '../../../shared/model/agreement-rules';
import { consensusItems } from '../../../shared/model/sections';
import { readyAgreement } from '../../fixtures/agreements';

let counter = 0;

async function openEditor() {
  const db = new AccordDatabase(`agreement-undo-${Date.now()}-${(counter += 1)}`);
  let editorNow = 5_000_000;
  const stores = createAppStores(db, { saveDelayMs: 5, editorClock: () => editorNow });
  const record = await stores.workshops.create({ title: 'Acme pipeline', client: 'Acme GmbH', agreement: readyAgreement() });
  await stores.editor.getState().open(record.id);
  const editor = stores.editor;
  return {
    editor,
    stores,
    workshopId: record.id,
    /** Moves the editor's clock; nothing else waits. */
    wait: (ms: number) => void (editorNow += ms),
    /** Types `text` after what the title holds, one key at a time, `gapMs` apart, as the title field does (one coalescing key). */
    typeTitle(text: string, gapMs: number) {
      for (const key of text) {
        editorNow += gapMs;
        editor.getState().update((draft) => void (draft.workshop.title += key), 'workshop.title');
      }
    },
    title: () => editor.getState().agreement!.workshop.title,
    steps: () => ({ undo: editor.getState().past.length, redo: editor.getState().future.length }),
  };
}

const itemOf = (agreement: Agreement, id: string) => consensusItems(agreement).find((entry) => entry.id === id)!;

describe('agreement editor undo and redo', () => {
  it('an edit, then undo, restores the agreement as it was; redo applies the edit again; both are saved', async () => {
    const { editor, stores, workshopId, title, steps } = await openEditor();
    const opened = editor.getState().agreement!;
    const openedTitle = opened.workshop.title;
    editor.getState().update((draft) => void (draft.workshop.client = 'Beta AG'));
    expect(editor.getState().agreement!.workshop.client).toBe('Beta AG');
    expect(steps()).toEqual({ undo: 1, redo: 0 });

    editor.getState().undo();
    expect(editor.getState().agreement).toBe(opened);
    expect(steps()).toEqual({ undo: 0, redo: 1 });
    expect(await editor.getState().flush()).toBe(true);
    expect((await stores.agreements.load(workshopId)).workshop.client).toBe('Acme GmbH');

    editor.getState().redo();
    expect(editor.getState().agreement!.workshop.client).toBe('Beta AG');
    expect(title()).toBe(openedTitle);
    expect(steps()).toEqual({ undo: 1, redo: 0 });
    expect(await editor.getState().flush()).toBe(true);
    expect((await stores.agreements.load(workshopId)).workshop.client).toBe('Beta AG');
  });

  it('typing a word with keys closer together than the coalescing window is one step', async () => {
    const { editor, typeTitle, title, steps } = await openEditor();
    const before = title();
    typeTitle(' renewal', 200);
    expect(title()).toBe(`${before} renewal`);
    expect(steps().undo).toBe(1);
    editor.getState().undo();
    expect(title()).toBe(before);
    expect(steps()).toEqual({ undo: 0, redo: 1 });
  });

  it('a pause as long as the window starts a new step; one just shorter does not', async () => {
    expect(COALESCE_MS).toBe(1500);
    const { editor, typeTitle, title, steps } = await openEditor();
    const before = title();
    typeTitle(' Q1', 100);
    typeTitle(' plan', 1499); // each key 1.499 s after the last: still the same word
    expect(steps().undo).toBe(1);
    typeTitle('!', 1500); // 1.5 s after the last key: a new step
    expect(steps().undo).toBe(2);
    editor.getState().undo();
    expect(title()).toBe(`${before} Q1 plan`);
    editor.getState().undo();
    expect(title()).toBe(before);
  });

  it('another field, or an edit without a coalescing key, is its own step even within the window', async () => {
    const { editor, typeTitle, title, steps } = await openEditor();
    const before = title();
    typeTitle(' A', 10);
    editor.getState().update((draft) => void (draft.workshop.client = 'Beta AG'), 'workshop.client');
    typeTitle('B', 10);
    editor.getState().update((draft) => void (draft.workshop.facilitator = 'Sam'));
    editor.getState().update((draft) => void (draft.workshop.facilitator = 'Sam Lee'));
    expect(steps().undo).toBe(5);
    editor.getState().undo();
    editor.getState().undo();
    expect(editor.getState().agreement!.workshop.facilitator).toBe('Dana Facilitator');
    expect(title()).toBe(`${before} AB`);
    // "B" came after the client was edited: its own step, not merged into " A".
    editor.getState().undo();
    expect(title()).toBe(`${before} A`);
    expect(editor.getState().agreement!.workshop.client).toBe('Beta AG');
    editor.getState().undo();
    expect(editor.getState().agreement!.workshop.client).toBe('Acme GmbH');
    expect(title()).toBe(`${before} A`);
  });

  it('typing right after an undo is a new step, not merged into the one undone', async () => {
    const { editor, typeTitle, title, steps } = await openEditor();
    const before = title();
    typeTitle('x', 10);
    editor.getState().undo();
    typeTitle('y', 10);
    expect(title()).toBe(`${before}y`);
    expect(steps()).toEqual({ undo: 1, redo: 0 });
    editor.getState().undo();
    expect(title()).toBe(before);
  });

  it('a new edit after an undo drops what could be redone', async () => {
    const { editor, typeTitle, title, steps } = await openEditor();
    typeTitle(' one', 10);
    editor.getState().undo();
    const undone = editor.getState().agreement;
    editor.getState().update((draft) => void (draft.workshop.client = 'Beta AG'));
    expect(steps()).toEqual({ undo: 1, redo: 0 });
    const edited = editor.getState().agreement;
    editor.getState().redo();
    expect(editor.getState().agreement).toBe(edited);
    expect(title()).toBe(undone!.workshop.title);
  });

  it('undo across a consensus reset: an agreed item whose content changed is not agreed; undo makes it agreed again, redo not', async () => {
    const { editor } = await openEditor();
    const opened = editor.getState().agreement!;
    expect(itemOf(opened, 'revenue-plan').state).toBe('agreed');
    expect(opened.revenuePlan.consensus.state).toBe('agreed');
    expect(readiness(opened).ready).toBe(true);

    editor.getState().update((draft) => void (draft.revenuePlan.winRate = 22));
    const changed = editor.getState().agreement!;
    // The stored state follows the positions given for the content now: both yeses were for 25 %.
    expect(changed.revenuePlan.consensus.state).not.toBe('agreed');
    expect(itemOf(changed, 'revenue-plan').state).not.toBe('agreed');
    expect(readiness(changed).ready).toBe(false);

    editor.getState().undo();
    const undone = editor.getState().agreement!;
    expect(undone).toEqual(opened);
    expect(undone.revenuePlan.winRate).toBe(25);
    expect(undone.revenuePlan.consensus.state).toBe('agreed');
    expect(readiness(undone).ready).toBe(true);

    editor.getState().redo();
    expect(editor.getState().agreement!.revenuePlan.winRate).toBe(22);
    expect(editor.getState().agreement!.revenuePlan.consensus.state).not.toBe('agreed');
  });

  it(`remembers the last ${UNDO_LIMIT} steps: the edit before them can no longer be undone`, async () => {
    expect(UNDO_LIMIT).toBe(200);
    const { editor, title, steps } = await openEditor();
    const edits = 201;
    for (let n = 1; n <= edits; n += 1) editor.getState().update((draft) => void (draft.workshop.title = `t${n}`));
    expect(steps().undo).toBe(200);
    for (let n = 0; n < 200; n += 1) editor.getState().undo();
    // Back 200 steps from t201 is t1; the opened title is out of reach.
    expect(title()).toBe('t1');
    expect(steps()).toEqual({ undo: 0, redo: 200 });
    editor.getState().undo();
    expect(title()).toBe('t1');
    for (let n = 0; n < 200; n += 1) editor.getState().redo();
    expect(title()).toBe('t201');
  });

  it('undo with nothing to undo and redo with nothing to redo change nothing and save nothing', async () => {
    const { editor, steps } = await openEditor();
    const opened = editor.getState().agreement;
    editor.getState().undo();
    editor.getState().redo();
    expect(editor.getState().agreement).toBe(opened);
    expect(steps()).toEqual({ undo: 0, redo: 0 });
    expect(editor.getState().saveState).toBe('saved');
  });

  it('a locked (signing) draft is not changed by undo or redo', async () => {
    const { editor, steps } = await openEditor();
    editor.getState().update((draft) => void (draft.workshop.client = 'Beta AG'));
    editor.getState().setLocked(true);
    const locked = editor.getState().agreement;
    editor.getState().undo();
    expect(editor.getState().agreement).toBe(locked);
    expect(steps()).toEqual({ undo: 1, redo: 0 });
  });
});
