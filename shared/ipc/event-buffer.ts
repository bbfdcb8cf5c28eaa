/**
 * Holds events that arrive before anyone listens (an `.accord` file that
 * launched the app arrives before the page has subscribed), then hands them
 * to the first listener. At most `capacity` are kept while nobody listens
 * (more are dropped); once someone listens, each event goes to every current
 * listener as it comes.
 */
export function createEventBuffer<T>(capacity = 16): { push(value: T): void; subscribe(listener: (value: T) => void): () => void } {
  const waiting: T[] = [];
  const listeners = new Set<(value: T) => void>();
  return {
    push(value) {
      if (listeners.size === 0) {
        if (waiting.length < capacity) waiting.push(value);
        return;
      }
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      for (const value of waiting.splice(0)) listener(value);
      return () => listeners.delete(listener);
    },
  };
}
