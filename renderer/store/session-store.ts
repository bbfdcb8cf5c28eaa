/**
 * The facilitated session of the open workshop: its agenda (order, time boxes,
 * skipped parts) and the timer. Every change is written to the database at
 * once, so a reload or a crash keeps the session where it was. The clock is
 * injected: tests move time by hand.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import * as agendaEngine from '../../shared/engines/agenda/agenda';
import type { AgendaItem, SessionTimer } from '../../shared/engines/agenda/agenda';
import { sections } from '../../shared/model/sections';
import type { AccordDatabase } from '../db/database';
import { SessionRepository } from '../db/session-repository';
import { storageErrorMessage } from '../db/storage-error';

export interface SessionState {
  workshopId: string | null;
  agenda: AgendaItem[];
  timer: SessionTimer;
  /** A short tone when a time box runs out (off unless the facilitator turns it on). */
  sound: boolean;
  loaded: boolean;
  /** The last write that failed, with its reason. */
  saveError: string | null;
  load(workshopId: string): Promise<void>;
  /** Sets a time box; refuses anything but whole minutes from 1 to 600 (throws AgendaError, changes nothing). */
  setMinutes(sectionId: string, minutes: number): void;
  move(index: number, offset: -1 | 1): void;
  setSkipped(sectionId: string, skipped: boolean): void;
  start(): void;
  pause(): void;
  /** Start or pause, whichever applies. */
  toggle(): void;
  next(): void;
  goTo(sectionId: string): void;
  /** Back to the start of the agenda, nothing spent; time boxes and order are kept. */
  resetTimer(): void;
  /** Time boxes, order and skips back to the standard agenda. */
  resetAgenda(): void;
  setSound(on: boolean): void;
}

/** The current instant in milliseconds; injected. */
export type Clock = () => number;

export function createSessionStore(db: AccordDatabase, now: Clock = () => Date.now()): StoreApi<SessionState> {
  const repository = new SessionRepository(db);
  const fresh = () => agendaEngine.defaultAgenda(sections);
  let writes: Promise<void> = Promise.resolve();
  let loading = 0;

  const store = createStore<SessionState>()((set, get) => {
    /** Applies a change and persists it, in order. */
    const change = (patch: Partial<Pick<SessionState, 'agenda' | 'timer' | 'sound'>>) => {
      const { workshopId, loaded } = get();
      // Until the workshop's own session is read, the agenda shown is the previous one's: never write it under this id.
      if (!workshopId || !loaded) return;
      set(patch);
      const { agenda, timer, sound } = get();
      const record = { workshopId, agenda, timer, sound, updatedAt: now() };
      writes = writes.then(
        () => repository.put(record).then(() => set({ saveError: null })),
        () => undefined,
      ).catch((error: unknown) => set({ saveError: storageErrorMessage(error) }));
    };
    const withAgenda = (agenda: AgendaItem[]) => {
      const { agenda: before, timer } = get();
      change({ agenda, timer: agendaEngine.followAgenda(timer, before, agenda, now()) });
    };
    return {
      workshopId: null,
      agenda: fresh(),
      timer: agendaEngine.newTimer(fresh()),
      sound: false,
      loaded: false,
      saveError: null,
      async load(workshopId) {
        if (get().workshopId === workshopId && get().loaded) return;
        const ticket = ++loading;
        set({ workshopId, loaded: false });
        const stored = await repository.get(workshopId).catch(() => null);
        if (ticket !== loading) return;
        const agenda = stored ? agendaEngine.reconcileAgenda(stored.agenda, sections) : fresh();
        const timer = stored && stored.timer.current <= agenda.length ? stored.timer : agendaEngine.newTimer(agenda);
        set({ agenda, timer, sound: stored?.sound ?? false, loaded: true });
      },
      setMinutes(sectionId, minutes) {
        const item = get().agenda.find((entry) => entry.sectionId === sectionId);
        if (!item) return;
        agendaEngine.checkMinutes(minutes, item.title);
        change({ agenda: get().agenda.map((entry) => (entry.sectionId === sectionId ? { ...entry, minutes } : entry)) });
      },
      move(index, offset) {
        withAgenda(agendaEngine.moveItem(get().agenda, index, offset));
      },
      setSkipped(sectionId, skipped) {
        withAgenda(get().agenda.map((entry) => (entry.sectionId === sectionId ? { ...entry, skipped } : entry)));
      },
      start() {
        change({ timer: agendaEngine.start(get().timer, now()) });
      },
      pause() {
        change({ timer: agendaEngine.pause(get().timer, get().agenda, now()) });
      },
      toggle() {
        if (get().timer.runningSince === null) get().start();
        else get().pause();
      },
      next() {
        change({ timer: agendaEngine.next(get().timer, get().agenda, now()) });
      },
      goTo(sectionId) {
        const { agenda, timer } = get();
        const index = agenda.findIndex((entry) => entry.sectionId === sectionId);
        if (index < 0) return;
        const taken = agenda[index]!.skipped ? agenda.map((entry, position) => (position === index ? { ...entry, skipped: false } : entry)) : agenda;
        change({ agenda: taken, timer: agendaEngine.goTo(timer, taken, index, now()) });
      },
      resetTimer() {
        change({ timer: agendaEngine.newTimer(get().agenda) });
      },
      resetAgenda() {
        const agenda = fresh();
        change({ agenda, timer: agendaEngine.followAgenda(get().timer, get().agenda, agenda, now()) });
      },
      setSound(on) {
        change({ sound: on });
      },
    };
  });
  return store;
}
