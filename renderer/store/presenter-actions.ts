import { openPresenterWindow as openWindow } from '../platform/accord';

/** Opens the presenter view of a workshop; resolves with where it opened. */
export function openPresenterWindow(workshopId: string): Promise<'second-display' | 'this-display' | 'page'> {
  return openWindow(workshopId);
}
