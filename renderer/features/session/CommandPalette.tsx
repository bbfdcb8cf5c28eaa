import '@mantine/spotlight/styles.css';
import { Kbd } from '@mantine/core';
import { createSpotlight, Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';

/** The palette's own store, so opening it never depends on a global. */
export const [paletteStore, palette] = createSpotlight();

/** Opens the palette with an empty search (also when it is reopened before its closing animation ended). */
export function openPalette(): void {
  paletteStore.updateState((state) => ({ ...state, query: '' }));
  palette.open();
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

/**
 * Ctrl/Cmd+K: jump to any part or run any command by typing a few letters.
 * The shortcut itself is handled with the session's other keys (it must work
 * while typing in a field); the palette only renders and filters.
 */
export function CommandPalette({ groups }: { groups: { group: string; commands: PaletteCommand[] }[] }) {

  const actions: SpotlightActionGroupData[] = groups.map(({ group, commands }) => ({
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
      store={paletteStore}
      // Instant, as a palette should be; also means a quick reopen never finds the last search.
      transitionProps={{ duration: 0 }}
      actions={actions}
      shortcut={null}
      nothingFound="No part or command matches."
      highlightQuery
      scrollable
      maxHeight={480}
      searchProps={{ leftSection: <IconSearch size={18} aria-hidden />, placeholder: 'Go to a part or run a command…', 'aria-label': 'Search parts and commands' }}
    />
  );
}
