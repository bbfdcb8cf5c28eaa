import { useCallback, useEffect, useRef, useState } from 'react';

/** Where an autosaved field stands, for the "Saved" indicator. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/**
 * Saves a value shortly after the last keystroke (well inside the one-second
 * promise), and at once when the field loses focus or the page is hidden.
 */
export function useAutosave(save: (value: string) => Promise<void>, delayMs = 300) {
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    setState('saving');
    try {
      await saveRef.current(value);
      setState(pending.current === null ? 'saved' : 'pending');
    } catch {
      setState('error');
    }
  }, []);

  const schedule = useCallback(
    (value: string) => {
      pending.current = value;
      setState('pending');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
    setState('saved');
  }, []);

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush, cancel };
}
