/**
 * Keyboard-first capture: the shortcuts of a running session. Alt+letter works
 * while typing in a field (the facilitator never reaches for the mouse);
 * letters are read from `event.code`, so Option on a Mac (which types accents)
 * works the same. Item shortcuts act on the item that holds the focus.
 */
import { useEffect, useRef } from 'react';

/**
 * What an item shortcut does. The workshop's other shortcuts (timer, palette,
 * capture dialogs…) belong to its actions (shared/model/workshop-actions.ts),
 * which the menus and the palette list too; these act on where the focus is.
 */
export type CaptureCommand = 'add-item' | 'marketing-agree' | 'marketing-disagree' | 'sales-agree' | 'sales-disagree' | 'park-item';

/** Every item shortcut, for the help sheet. */
export const captureShortcuts: { command: CaptureCommand; keys: string; label: string }[] = [
  { command: 'add-item', keys: 'Alt+N', label: 'Add an item to the list you are in' },
  { command: 'marketing-agree', keys: 'Alt+M', label: 'Marketing agrees (again to take it back)' },
  { command: 'marketing-disagree', keys: 'Alt+Shift+M', label: 'Marketing disagrees' },
  { command: 'sales-agree', keys: 'Alt+S', label: 'Sales agrees (again to take it back)' },
  { command: 'sales-disagree', keys: 'Alt+Shift+S', label: 'Sales disagrees' },
  { command: 'park-item', keys: 'Alt+K', label: 'Park the item, or take it back' },
];

const altKeys: Record<string, [CaptureCommand, CaptureCommand?]> = {
  KeyN: ['add-item'],
  KeyM: ['marketing-agree', 'marketing-disagree'],
  KeyS: ['sales-agree', 'sales-disagree'],
  KeyK: ['park-item'],
};

/** The item command a key press stands for, or null. */
export function commandOf(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>): CaptureCommand | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const entry = altKeys[event.code];
  if (!entry) return null;
  return event.shiftKey ? (entry[1] ?? null) : entry[0];
}

/** The one consensus bar that belongs to where the focus is (its item card, or the part's single bar), or null. */
export function consensusBarAt(focused: Element | null): HTMLElement | null {
  for (let element = focused; element && element !== document.body; element = element.parentElement) {
    const bars = element.querySelectorAll<HTMLElement>('[data-consensus-bar]');
    if (bars.length === 1) return bars[0]!;
    if (bars.length > 1) return null;
  }
  return null;
}

/** Presses a team's agree/disagree toggle, or park, on the focused item. Returns false when no item has the focus. */
export function markFocusedItem(command: 'marketing-agree' | 'marketing-disagree' | 'sales-agree' | 'sales-disagree' | 'park-item'): boolean {
  const bar = consensusBarAt(document.activeElement);
  if (!bar) return false;
  const selector = command === 'park-item' ? '[data-park]' : `[data-team="${command.split('-')[0]}"][data-position="${command.split('-')[1]}"]`;
  const button = bar.querySelector<HTMLButtonElement>(selector);
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

/** Adds an item to the list that holds the focus, or to the part's first list. Returns false when the part has none. */
export function addItemHere(pane: Element | null): boolean {
  const list = document.activeElement?.closest('[data-list-editor]');
  const button = (list ?? pane)?.querySelector<HTMLButtonElement>('[data-add-item]');
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

/** Listens for the session's shortcuts while `active`; the handler gets each command. */
export function useCaptureKeys(active: boolean, onCommand: (command: CaptureCommand, event: KeyboardEvent) => void): void {
  const handler = useRef(onCommand);
  useEffect(() => {
    handler.current = onCommand;
  });
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const command = commandOf(event);
      if (!command) return;
      event.preventDefault();
      handler.current(command, event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
