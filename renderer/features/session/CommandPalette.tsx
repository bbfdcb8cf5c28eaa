import '@mantine/spotlight/styles.css';
import { Kbd } from '@mantine/core';
import { createSpotlight, Spotlight, useSpotlight, type SpotlightActionData, type SpotlightActionGroupData, type SpotlightStore } from '@mantine/spotlight';

type SpotlightActions = SpotlightActionData | SpotlightActionGroupData;
import { foldForSearch } from '../../../shared/text/fold';
import { IconSearch } from '@tabler/icons-react';

/** A palette: its own store and the way to open it. */
export interface Palette {
  store: SpotlightStore;
  /** Opens the palette with an empty search (also when it is reopened before its closing animation ended). */
  open(): void;
}

/**
 * A closed palette. The screen that shows it makes one (never a module's), so two renders in one page (tests, a second
 * app) never open, search or close each other's palette.
 */
export function createPalette(): Palette {
  const [store, actions] = createSpotlight();
  return {
    store,
    open() {
      store.updateState((state) => ({ ...state, query: '' }));
      actions.open();
    },
  };
}

/** One command of the palette. */
export interface PaletteCommand {
  id: string;
  label: string;
  description?: string;
  keys?: string;
  keywords?: string[];
  disabled?: boolean;
  run: () => void;
}

const isGroup = (entry: SpotlightActions): entry is SpotlightActionGroupData => 'group' in entry && Array.isArray((entry as SpotlightActionGroupData).actions);

/** Every word of the search (folded: accents, case and extra spaces ignored) in the command's label, description or keywords. */
function commandMatches(action: SpotlightActionData, words: string[]): boolean {
  const text = foldForSearch([action.label ?? '', action.description ?? '', ...(Array.isArray(action.keywords) ? action.keywords : [action.keywords ?? ''])].join(' '));
  return words.every((word) => text.includes(word));
}

/** The palette's filter: commands by the same folding as the library search; found items were matched already. */
function paletteFilter(query: string, actions: SpotlightActions[]): SpotlightActions[] {
  const words = foldForSearch(query).split(' ').filter((word) => word.length > 0);
  if (words.length === 0) return actions;
  return actions
    .map((entry) => (isGroup(entry) ? { ...entry, actions: entry.group === ITEMS_GROUP ? entry.actions : entry.actions.filter((action) => commandMatches(action, words)) } : entry))
    .filter((entry) => (isGroup(entry) ? entry.actions.length > 0 : commandMatches(entry, words)));
}

/** The group of the palette that lists the agreement's items a search found. */
export const ITEMS_GROUP = 'Items';

/**
 * Ctrl/Cmd+K: jump to any part, to any item by its name ("first touch" → the
 * commitment), or run any command by typing a few letters. The shortcut itself
 * is handled with the workshop's other keys (it must work while typing in a
 * field); the palette only renders and filters.
 */
export function CommandPalette({ palette, groups, findItems }: { palette: Palette; groups: { group: string; commands: PaletteCommand[] }[]; findItems?: (query: string) => PaletteCommand[] }) {
  const { query } = useSpotlight(palette.store);
  const items = findItems ? findItems(query) : [];
  // Found items come after the parts (typing a part's name goes to the part) and before the commands.
  const all = items.length > 0 ? [...groups.slice(0, 1), { group: ITEMS_GROUP, commands: items }, ...groups.slice(1)] : groups;
  const actions: SpotlightActionGroupData[] = all.map(({ group, commands }) => ({
    group,
    actions: commands.map((command) => ({
      id: command.id,
      label: command.label,
      description: command.description,
      keywords: command.keywords,
      disabled: command.disabled,
      rightSection: command.keys ? <Kbd size="xs">{command.keys}</Kbd> : undefined,
      onClick: command.run,
    })),
  }));
  return (
    <Spotlight
      store={palette.store}
      // Instant, as a palette should be; also means a quick reopen never finds the last search.
      transitionProps={{ duration: 0 }}
      actions={actions}
      filter={paletteFilter}
      shortcut={null}
      nothingFound="No part, item or command matches."
      highlightQuery
      scrollable
      maxHeight={480}
      searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: 'Go to a part or an item, or run a command…', 'aria-label': 'Search parts and commands' }}
    />
  );
}
