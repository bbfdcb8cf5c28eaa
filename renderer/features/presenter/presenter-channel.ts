/**
 * How the presenter window follows the facilitator: a BroadcastChannel on the
 * app's own origin (both windows are pages of the same app, in Electron and in
 * the Chromium shell). The facilitator's window sends a snapshot on every
 * change and answers a presenter that says hello; nothing leaves the machine.
 */
import type { AgendaItem, SessionTimer } from '../../../shared/engines/agenda/agenda';
import type { Agreement } from '../../../shared/model/agreement';
import type { SectionId } from '../../../shared/model/sections';

export const PRESENTER_CHANNEL = 'accord-presenter';

/** What the room sees. */
export type PresenterView = 'section' | 'open-questions';

/** Everything the presenter window shows, sent whole on each change. */
export interface PresenterSnapshot {
  workshopId: string;
  agreement: Agreement;
  section: SectionId;
  view: PresenterView;
  agenda: AgendaItem[];
  timer: SessionTimer;
  branding: { name: string; logoDataUrl?: string | undefined; accent?: string | undefined } | null;
  /** Items agreed on an earlier signed version's content: that version, by "section:id" ("agreed on version 1 content"). */
  agreedOn?: Record<string, number>;
  /**
   * The id of the item the facilitator is working on (the list item whose field or button has the keyboard
   * focus in the facilitator's window), or null: the presenter highlights it and scrolls it into view.
   */
  focusedItem?: string | null;
  /** Counts the snapshots of one facilitator window (for diagnosis; BroadcastChannel keeps one sender's order). */
  sequence: number;
}

export type PresenterMessage = { type: 'hello'; workshopId: string } | { type: 'state'; snapshot: PresenterSnapshot } | { type: 'closed'; workshopId: string };

/** A channel endpoint, or null where BroadcastChannel is missing. */
export interface PresenterLink {
  post(message: PresenterMessage): void;
  subscribe(listener: (message: PresenterMessage) => void): () => void;
  close(): void;
}

export function openPresenterLink(): PresenterLink | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(PRESENTER_CHANNEL);
  return {
    post(message) {
      channel.postMessage(message);
    },
    subscribe(listener) {
      const handler = (event: MessageEvent) => {
        const data = event.data as PresenterMessage | null;
        if (data && typeof data === 'object' && typeof data.type === 'string') listener(data);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close() {
      channel.close();
    },
  };
}
