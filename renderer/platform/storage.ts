/**
 * Asks the browser engine to keep our IndexedDB data even under storage
 * pressure. Best effort: an engine that refuses or lacks the API changes nothing.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
