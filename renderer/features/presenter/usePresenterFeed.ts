import { useEffect, useMemo, useRef, useState } from 'react';
import type { Agreement } from '../../../shared/model/agreement';
import { consensusItems } from '../../../shared/model/sections';
import { openPresenterLink, type PresenterLink, type PresenterSnapshot } from './presenter-channel';

/**
 * The id of the item an element of the facilitator's window belongs to, or null: its item card
 * (`<article id="item-…">`, editor-kit's ItemCard), the consensus bar of a single item (`data-consensus-item`), or its row of the part's table (`<tr data-row="n">`
 * in `[data-testid="part-table"]`, row n being the part's n-th item in `consensusItems` order).
 */
export function itemIdOf(element: Element | null, partItemIds: readonly string[]): string | null {
  const card = element?.closest?.('article[id^="item-"]');
  if (card) return card.id.slice('item-'.length);
  // A single item without a card (the revenue plan, the grades, the framework…): its consensus bar names it ("section:id").
  const bar = element?.closest?.('[data-consensus-item]')?.getAttribute('data-consensus-item');
  if (bar) return bar.slice(bar.indexOf(':') + 1) || null;
  const row = element?.closest?.('[data-testid="part-table"] tr[data-row]');
  const index = row ? Number(row.getAttribute('data-row')) : Number.NaN;
  return Number.isInteger(index) ? (partItemIds[index] ?? null) : null;
}

/**
 * Which item the facilitator works on: the item card that last had the
 * keyboard focus in this window (a click on a thumb or a field focuses it; so
 * does the palette's "go to item"). Focus moving to the header or a dialog
 * keeps the last one (the item is still the one under discussion); changing
 * part forgets it.
 */
function useFocusedItem(section: string, agreement: Agreement): string | null {
  const [focused, setFocused] = useState<{ section: string; id: string } | null>(null);
  const partItemIds = useMemo(() => consensusItems(agreement).filter((item) => item.section === section).map((item) => item.id), [agreement, section]);
  const ids = useRef(partItemIds);
  useEffect(() => {
    ids.current = partItemIds;
  }, [partItemIds]);
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const id = itemIdOf(event.target instanceof Element ? event.target : null, ids.current);
      if (id) setFocused((current) => (current?.id === id && current.section === section ? current : { section, id }));
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [section]);
  return focused?.section === section ? focused.id : null;
}

/**
 * The facilitator's side: sends the snapshot whenever it changes and to any
 * presenter window that says hello; tells presenters when the workshop closes.
 * Adds the item the facilitator is working on (`focusedItem`) itself.
 */
export function usePresenterFeed(snapshot: Omit<PresenterSnapshot, 'sequence' | 'focusedItem'>): void {
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
  const focusedItem = useFocusedItem(section, agreement);
  useEffect(() => {
    sequence.current += 1;
    const next: PresenterSnapshot = { workshopId, agreement, section, view, agenda, timer, branding, ...(agreedOn ? { agreedOn } : {}), focusedItem, sequence: sequence.current };
    latest.current = next;
    link.current?.post({ type: 'state', snapshot: next });
  }, [workshopId, agreement, section, view, agenda, timer, branding, agreedOn, focusedItem]);
}
