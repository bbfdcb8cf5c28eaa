import { accord } from '../platform/accord';

/** Opens the presenter view of a workshop; resolves with where it opened. */
export async function openPresenterWindow(workshopId: string): Promise<'second-display' | 'this-display' | 'page'> {
  return (await accord.openPresenterWindow({ workshopId })).placement;
}
