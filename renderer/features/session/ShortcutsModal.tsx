import '../../components/mantine-ui-styles';
import { Kbd, Modal, Table, Text, Title } from '@mantine/core';
import { shortcutText, workshopActionDefinitions, type WorkshopActionDefinition } from '../../../shared/model/workshop-actions';
import { captureShortcuts } from './capture-keys';

/** Shortcuts of the application menu and the page (Help → Keyboard Shortcuts). */
const appShortcuts: { keys: string; label: string }[] = [
  { keys: 'Ctrl/Cmd+N', label: 'New workshop' },
  { keys: 'Ctrl/Cmd+O', label: 'Open an .accord file (imports it)' },
  { keys: 'Ctrl/Cmd+Shift+L', label: 'Library' },
  { keys: 'Ctrl/Cmd+F', label: 'Search the library' },
  { keys: 'Ctrl/Cmd+,', label: 'Settings' },
];

/** The workshop actions' shortcuts, from the one list the menus and the palette read (every key of an action, joined). */
const actionShortcuts = (workshopActionDefinitions as readonly WorkshopActionDefinition[])
  .filter((action) => action.shortcuts.length > 0)
  .map((action) => ({ keys: [...new Set(action.shortcuts.map(shortcutText))].join(', '), label: action.label }));

/** The keyboard shortcuts: the workshop's actions, the item keys and, from the Help menu, the app's own. */
export function ShortcutsModal({ onClose, withAppShortcuts = false }: { onClose: () => void; withAppShortcuts?: boolean }) {
  return (
    <Modal opened onClose={onClose} title="Keyboard shortcuts" size="lg" centered>
      {withAppShortcuts && (
        <>
          <Title order={3} size="h5" mb="xs">
            Everywhere
          </Title>
          <ShortcutTable label="Application shortcuts" shortcuts={appShortcuts} />
          <Title order={3} size="h5" mb="xs">
            In a workshop session
          </Title>
        </>
      )}
      <Text size="sm" c="dimmed" mb="sm">
        They work while you type in a field.
      </Text>
      <ShortcutTable label="Keyboard shortcuts" shortcuts={actionShortcuts} />
      <Title order={3} size="h5" mb="xs">
        On the item that holds the focus
      </Title>
      <ShortcutTable label="Item shortcuts" shortcuts={captureShortcuts} />
    </Modal>
  );
}

function ShortcutTable({ label, shortcuts }: { label: string; shortcuts: readonly { keys: string; label: string }[] }) {
  return (
    <Table striped aria-label={label} mb="lg">
      <Table.Tbody>
        {shortcuts.map((shortcut) => (
          <Table.Tr key={shortcut.label}>
            <Table.Td w={200}>
              <Kbd>{shortcut.keys}</Kbd>
            </Table.Td>
            <Table.Td>{shortcut.label}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
