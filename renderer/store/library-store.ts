import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccordFileVersion } from '../../shared/model/accord-file';
import type { Agreement } from '../../shared/model/agreement';
import type { WorkshopRecord } from '../../shared/model/workshop';
import { matchesSearch } from '../../shared/model/workshop-search';
import type { WorkshopRepository } from '../db/workshop-repository';
import { storageErrorMessage } from '../db/storage-error';

/** The library as the UI sees it. Components read this; only its actions write. */
export interface LibraryState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  workshops: WorkshopRecord[];
  query: string;
  /** Whether archived workshops are listed (they are hidden by default). */
  showArchived: boolean;
  /** Loads the library; `pending` is a read already under way (started early at start-up). */
  load(pending?: Promise<WorkshopRecord[]>): Promise<void>;
  setQuery(query: string): void;
  setShowArchived(show: boolean): void;
  /** Creates a workshop; `versions` are signed versions from an imported file. */
  create(input: { title: string; client?: string; agreement?: Agreement; versions?: readonly AccordFileVersion[] }): Promise<WorkshopRecord>;
  rename(id: string, title: string): Promise<WorkshopRecord>;
  setClient(id: string, client: string): Promise<WorkshopRecord>;
  remove(id: string): Promise<void>;
  /** Duplicates a workshop as an independent draft ("Copy of …"); resolves to the copy. */
  duplicate(id: string): Promise<WorkshopRecord>;
  /** Archives (true) or unarchives (false) a workshop. */
  setArchived(id: string, archived: boolean): Promise<WorkshopRecord>;
  /** Re-reads one workshop's row after its agreement was saved. */
  refresh(id: string): Promise<void>;
}

/** Whether a workshop is archived. */
export function isArchived(workshop: WorkshopRecord): boolean {
  return workshop.archivedAt !== undefined;
}

/** The workshops a query shows, in library order: archived ones only when they are asked for. */
export function visibleWorkshops(state: Pick<LibraryState, 'workshops' | 'query'> & { showArchived?: boolean }): WorkshopRecord[] {
  const listed = state.showArchived ? state.workshops : state.workshops.filter((workshop) => !isArchived(workshop));
  return state.query.trim() === '' ? listed : listed.filter((workshop) => matchesSearch(workshop, state.query));
}

/** How many workshops are archived (the count on "Show archived (n)"). */
export function archivedCount(workshops: readonly WorkshopRecord[]): number {
  return workshops.filter(isArchived).length;
}

function upsertFirst(list: WorkshopRecord[], record: WorkshopRecord): WorkshopRecord[] {
  return [record, ...list.filter((item) => item.id !== record.id)];
}

/** Creates the library store over a repository (real Dexie in the app, fake-indexeddb in tests). */
export function createLibraryStore(repository: WorkshopRepository): StoreApi<LibraryState> {
  return createStore<LibraryState>()((set) => ({
    status: 'loading',
    error: null,
    workshops: [],
    query: '',
    showArchived: false,
    async load(pending) {
      try {
        const workshops = await (pending ?? repository.list());
        set({ workshops, status: 'ready', error: null });
      } catch (error) {
        set({ status: 'error', error: storageErrorMessage(error) });
      }
    },
    setQuery(query) {
      set({ query });
    },
    setShowArchived(show) {
      set({ showArchived: show });
    },
    async duplicate(id) {
      const record = await repository.duplicate(id);
      set((state) => ({ workshops: upsertFirst(state.workshops, record) }));
      return record;
    },
    async setArchived(id, archived) {
      const record = await repository.setArchived(id, archived);
      // In place: archiving is not a change, so the row keeps its position (most recently changed first).
      set((state) => {
        const workshops = state.workshops.map((workshop) => (workshop.id === id ? record : workshop));
        // With the last archived one back, there is nothing left to show behind the filter.
        return { workshops, showArchived: state.showArchived && archivedCount(workshops) > 0 };
      });
      return record;
    },
    async create(input) {
      const record = await repository.create(input);
      set((state) => ({ workshops: upsertFirst(state.workshops, record) }));
      return record;
    },
    async rename(id, title) {
      const record = await repository.rename(id, title);
      set((state) => ({ workshops: upsertFirst(state.workshops, record) }));
      return record;
    },
    async setClient(id, client) {
      const record = await repository.setClient(id, client);
      set((state) => ({ workshops: upsertFirst(state.workshops, record) }));
      return record;
    },
    async refresh(id) {
      const record = await repository.get(id);
      if (record) set((state) => ({ workshops: upsertFirst(state.workshops, record) }));
    },
    async remove(id) {
      await repository.remove(id);
      set((state) => ({ workshops: state.workshops.filter((workshop) => workshop.id !== id) }));
    },
  }));
}
