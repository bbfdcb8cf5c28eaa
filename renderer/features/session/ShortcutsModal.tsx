import '../../components/mantine-ui-styles';
import { Kbd, Modal, Table, Text, Title } from '@mantine/core';
import { captureShortcuts } from './capture-keys';

/** Shortcuts of the application menu and the page (Help → Keyboard Shortcuts). */
const appShortcuts: { keys: string; label: string }[] = [
  { keys: 'Ctrl/Cmd+N', label: 'New workshop' },
  { keys: 'Ctrl/Cmd+O', label: 'Open an .accord file (imports it)' },
  { keys: 'Ctrl/Cmd+K', label: 'Command palette' },
  { keys: 'Ctrl/Cmd+Z', label: 'Undo (the whole agreement)' },
  { keys: 'Shift+Ctrl/Cmd+Z, Ctrl+Y', label: 'Redo' },
  { keys: 'Ctrl/Cmd+Shift+P', label: 'Presenter window' },
  { keys: 'Ctrl/Cmd+Shift+L', label: 'Library' },
  { keys: 'Ctrl/Cmd+F', label: 'Search the library' },
  { keys: 'Ctrl/Cmd+,', label: 'Settings' },
];

/** The keyboard shortcuts: a session's capture keys and, from the Help menu, the app's own. */
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
        They work while you type in a field. Item shortcuts act on the item that holds the focus.
      </Text>
      <ShortcutTable label="Keyboard shortcuts" shortcuts={captureShortcuts} />
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
