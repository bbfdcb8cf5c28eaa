/**
 * Shows a notification. The notifications system is loaded after the first
 * screen is interactive; a message sent before that waits for it.
 */
export interface Notice {
  message: string;
  title?: string;
  /** `warning` stays until dismissed (what must not be missed, e.g. a file imported as a draft because its seal is broken). */
  tone?: 'info' | 'warning' | 'error';
}

type Show = (notice: Notice) => void;
let show: Show | null = null;
const waiting: Notice[] = [];

/** Queues or shows a notice. */
export function notify(notice: Notice): void {
  if (show) show(notice);
  else waiting.push(notice);
}

/** Called once the notifications system is mounted. */
export function connectNotifications(next: Show): void {
  show = next;
  for (const notice of waiting.splice(0)) next(notice);
}
