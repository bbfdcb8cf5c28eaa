import type { freeze as Freeze, produce as Produce } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Agreement } from '../../shared/model/agreement';
import { stampPositionHashes } from '../../shared/migrations/position-hashes';
import type { ConsensusTeam } from '../../shared/model/consensus';
import { applyPartPositions, planPartPositions, type PartPositionsPlan } from '../../shared/model/part-consensus';
import { consensusItems, setConsensusOf, type SectionId } from '../../shared/model/sections';
import type { AgreementRepositoryApi } from '../db/lazy-agreement-repository';
import { storageErrorMessage } from '../db/storage-error';

/** How many steps undo remembers. */
export const UNDO_LIMIT = 200;
/** Edits to the same field within this time are one undo step (typing a word is one step, not six). */
export const COALESCE_MS = 1500;
/** Autosave waits this long after the last change (a pause in typing)… */
export const AUTOSAVE_DELAY_MS = 400;
/**
 * …but never longer than this after the first unsaved change: steady typing
 * (a key every 150 ms never pauses 400 ms) is saved every 750 ms all the same,
 * so a crash loses at most what was typed since the last save started plus
 * that save's own write: under a second.
 */
export const AUTOSAVE_MAX_WAIT_MS = 750;
/** After a failed save (a full disk), it is tried again this often until it succeeds; a new change tries at once. */
export const AUTOSAVE_RETRY_MS = 3000;

/** The open workshop's agreement, with undo/redo and autosave. Components read this; only its actions write. */
export interface AgreementEditorState {
  workshopId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  agreement: Agreement | null;
  past: Agreement[];
  future: Agreement[];
  saveState: 'saved' | 'pending' | 'saving' | 'error';
  saveError: string | null;
  /** True while a version is being signed or after signing: the draft cannot change. */
  locked: boolean;
  setLocked(locked: boolean): void;
  open(workshopId: string): Promise<void>;
  /** Applies a change. `coalesceKey` (e.g. "stage-sal.definition") merges quick successive edits of one field into one undo step. */
  update(recipe: (draft: Agreement) => void, coalesceKey?: string): void;
  /**
   * "Both sides agree to this part" / "marketing (sales) agrees to all": every
   * item of the part `teams` can agree to gets their yes for its content now, as
   * one edit (one undo step restores every position it set). Returns what was
   * done and skipped (`planPartPositions`), or null when the draft cannot change.
   */
  agreeToPart(section: SectionId, teams: readonly ConsensusTeam[]): PartPositionsPlan | null;
  undo(): void;
  redo(): void;
  /** Writes any pending change now (leaving the screen, hiding the window); resolves true when nothing is left unsaved. */
  flush(): Promise<boolean>;
  /**
   * Applies a change and saves it at once, for what must not be announced
   * before it is on disk (a quick capture). When the save fails the change is
   * taken back (no undo step is left) and the reason is returned.
   */
  commit(recipe: (draft: Agreement) => void): Promise<{ saved: true } | { saved: false; message: string }>;
}

/** Creates the editor store over a repository; `onSaved` lets the library refresh its row. */
export function createAgreementStore(
  repository: Pick<AgreementRepositoryApi, 'load' | 'save'>,
  options: { saveDelayMs?: number; maxWaitMs?: number; retryMs?: number; now?: () => number; onSaved?: (workshopId: string) => void } = {},
): StoreApi<AgreementEditorState> {
  const saveDelayMs = options.saveDelayMs ?? AUTOSAVE_DELAY_MS;
  const maxWaitMs = Math.max(saveDelayMs, options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS);
  const retryMs = options.retryMs ?? AUTOSAVE_RETRY_MS;
  const now = options.now ?? (() => Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  // When the oldest change not yet being saved was made: the debounce never waits past it + maxWaitMs.
  let pendingSince: number | null = null;
  let lastKey: string | undefined;
  let lastAt = 0;
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  // immer loads with the first agreement opened, not with the first screen.
  let produce: typeof Produce | null = null;
  let freeze: typeof Freeze | null = null;

  const store = createStore<AgreementEditorState>()((set, get) => {
    const scheduleSave = () => {
      dirty = true;
      set({ saveState: 'pending' });
      const at = Date.now();
      pendingSince ??= at;
      clearTimeout(timer);
      timer = setTimeout(() => void get().flush(), Math.max(0, Math.min(saveDelayMs, pendingSince + maxWaitMs - at)));
    };
    return {
      workshopId: null,
      status: 'idle',
      error: null,
      agreement: null,
      past: [],
      future: [],
      saveState: 'saved',
      saveError: null,
      locked: false,
      setLocked(locked) {
        set({ locked });
      },
      async open(workshopId) {
        if (get().workshopId === workshopId && get().status === 'ready') return;
        await get().flush();
        set({ workshopId, status: 'loading', error: null, agreement: null, past: [], future: [], saveState: 'saved', saveError: null });
        lastKey = undefined;
        try {
          const immer = await import('immer');
          produce ??= immer.produce;
          freeze ??= immer.freeze;
          // Positions recorded before each kept the content hash it was given for are stamped with the content they open with.
          // Frozen as every later state is (immer freezes what it produces): each item's content hash is then computed once.
          const agreement = freeze(stampPositionHashes(await repository.load(workshopId)), true);
          if (get().workshopId === workshopId) set({ agreement, status: 'ready' });
        } catch (error) {
          if (get().workshopId === workshopId) set({ status: 'error', error: storageErrorMessage(error) });
        }
      },
      update(recipe, coalesceKey) {
        const current = get().agreement;
        if (!current || !produce || get().locked) return;
        const changed = produce(current, recipe);
        if (changed === current) return;
        // An item's state follows from the positions given for its content now: a content change that voids a yes is stored as such.
        const stale = consensusItems(changed).filter((item) => item.consensus.state !== item.state);
        const next = stale.length === 0 ? changed : produce(changed, (draft) => void stale.forEach((item) => setConsensusOf(draft, item, { ...item.consensus, state: item.state })));
        const at = now();
        const merge = coalesceKey !== undefined && coalesceKey === lastKey && at - lastAt < COALESCE_MS;
        lastKey = coalesceKey;
        lastAt = at;
        set((state) => ({
          agreement: next,
          past: merge ? state.past : [...state.past, current].slice(-UNDO_LIMIT),
          future: [],
        }));
        scheduleSave();
      },
      agreeToPart(section, teams) {
        const current = get().agreement;
        if (!current || !produce || get().locked) return null;
        const plan = planPartPositions(current, section, teams);
        if (plan.changes.length > 0) get().update((draft) => applyPartPositions(draft, plan));
        return plan;
      },
      undo() {
        if (get().locked) return;
        const { past, agreement, future } = get();
        const previous = past.at(-1);
        if (!previous || !agreement) return;
        lastKey = undefined;
        set({ agreement: previous, past: past.slice(0, -1), future: [agreement, ...future] });
        scheduleSave();
      },
      redo() {
        if (get().locked) return;
        const { past, agreement, future } = get();
        const next = future[0];
        if (!next || !agreement) return;
        lastKey = undefined;
        set({ agreement: next, past: [...past, agreement], future: future.slice(1) });
        scheduleSave();
      },
      async flush() {
        clearTimeout(timer);
        timer = undefined;
        await saving;
        const { workshopId, agreement } = get();
        if (!dirty || !workshopId || !agreement) return !dirty;
        dirty = false;
        pendingSince = null;
        set({ saveState: 'saving' });
        let saved = false;
        saving = repository.save(workshopId, agreement).then(
          () => {
            saved = true;
            if (!dirty) set({ saveState: 'saved', saveError: null });
            options.onSaved?.(workshopId);
          },
          (error: unknown) => {
            dirty = true;
            pendingSince ??= Date.now();
            set({ saveState: 'error', saveError: storageErrorMessage(error) });
            // Keep trying (the disk may get room); a new change schedules its own, sooner attempt.
            if (timer === undefined) timer = setTimeout(() => void get().flush(), retryMs);
          },
        );
        await saving;
        return saved && !dirty;
      },
      async commit(recipe) {
        const before = get();
        get().update(recipe);
        const made = get().agreement;
        if (made === before.agreement) return { saved: false, message: before.locked ? 'The agreement is being signed or is signed; amend it to add to it.' : 'Nothing changed.' };
        if (await get().flush()) return { saved: true };
        const message = get().saveError ?? 'Not saved.';
        // Take the change back only if nothing else changed the draft meanwhile.
        if (get().agreement === made) set({ agreement: before.agreement, past: before.past, future: before.future });
        return { saved: false, message };
      },
    };
  });
  return store;
}
