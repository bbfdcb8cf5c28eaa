import { useEffect, useRef } from 'react';
import { openPresenterLink, type PresenterLink, type PresenterSnapshot } from './presenter-channel';

/**
 * The facilitator's side: sends the snapshot whenever it changes and to any
 * presenter window that says hello; tells presenters when the workshop closes.
 */
export function usePresenterFeed(snapshot: Omit<PresenterSnapshot, 'sequence'>): void {
  const link = useRef<PresenterLink | null>(null);
  const latest = useRef<PresenterSnapshot | null>(null);
  const sequence = useRef(0);
  const workshopId = snapshot.workshopId;

  useEffect(() => {
    const opened = openPresenterLink();
    link.current = opened;
    if (!opened) return undefined;
    const unsubscribe = opened.subscribe((message) => {
      if (message.type === 'hello' && message.workshopId === workshopId && latest.current) opened.post({ type: 'state', snapshot: latest.current });
    });
    return () => {
      opened.post({ type: 'closed', workshopId });
      unsubscribe();
      opened.close();
      link.current = null;
    };
  }, [workshopId]);

  const { agreement, section, view, agenda, timer, branding, agreedOn } = snapshot;
  useEffect(() => {
    sequence.current += 1;
    const next: PresenterSnapshot = { workshopId, agreement, section, view, agenda, timer, branding, ...(agreedOn ? { agreedOn } : {}), sequence: sequence.current };
    latest.current = next;
    link.current?.post({ type: 'state', snapshot: next });
  }, [workshopId, agreement, section, view, agenda, timer, branding, agreedOn]);
}
