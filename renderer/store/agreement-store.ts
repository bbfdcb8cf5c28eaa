import type { produce as Produce } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Agreement } from '../../shared/model/agreement';
import type { AgreementRepositoryApi } from '../db/lazy-agreement-repository';

/** How many steps undo remembers. */
export const UNDO_LIMIT = 200;
/** Edits to the same field within this time are one undo step (typing a word is one step, not six). */
export const COALESCE_MS = 1500;

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
  undo(): void;
  redo(): void;
  /** Writes any pending change now (leaving the screen, hiding the window). */
  flush(): Promise<void>;
}

/** Creates the editor store over a repository; `onSaved` lets the library refresh its row. */
export function createAgreementStore(
  repository: Pick<AgreementRepositoryApi, 'load' | 'save'>,
  options: { saveDelayMs?: number; now?: () => number; onSaved?: (workshopId: string) => void } = {},
): StoreApi<AgreementEditorState> {
  const saveDelayMs = options.saveDelayMs ?? 400;
  const now = options.now ?? (() => Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey: string | undefined;
  let lastAt = 0;
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  // immer loads with the first agreement opened, not with the first screen.
  let produce: typeof Produce | null = null;

  const store = createStore<AgreementEditorState>()((set, get) => {
    const scheduleSave = () => {
      dirty = true;
      set({ saveState: 'pending' });
      clearTimeout(timer);
      timer = setTimeout(() => void get().flush(), saveDelayMs);
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
          produce ??= (await import('immer')).produce;
          const agreement = await repository.load(workshopId);
          if (get().workshopId === workshopId) set({ agreement, status: 'ready' });
        } catch (error) {
          if (get().workshopId === workshopId) set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
        }
      },
      update(recipe, coalesceKey) {
        const current = get().agreement;
        if (!current || !produce || get().locked) return;
        const next = produce(current, recipe);
        if (next === current) return;
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
        await saving;
        const { workshopId, agreement } = get();
        if (!dirty || !workshopId || !agreement) return;
        dirty = false;
        set({ saveState: 'saving' });
        saving = repository.save(workshopId, agreement).then(
          () => {
            if (!dirty) set({ saveState: 'saved', saveError: null });
            options.onSaved?.(workshopId);
          },
          (error: unknown) => {
            dirty = true;
            set({ saveState: 'error', saveError: error instanceof Error ? error.message : String(error) });
          },
        );
        await saving;
      },
    };
  });
  return store;
}
