import { Kbd, Modal, Table, Text } from '@mantine/core';
import { captureShortcuts } from './capture-keys';

/** The keyboard shortcuts of a session, one sheet. */
export function ShortcutsModal({ onClose }: { onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Keyboard shortcuts" size="lg" centered>
      <Text size="sm" c="dimmed" mb="sm">
        They work while you type in a field. Item shortcuts act on the item that holds the focus.
      </Text>
      <Table striped aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {captureShortcuts.map((shortcut) => (
            <Table.Tr key={shortcut.command}>
              <Table.Td w={150}>
                <Kbd>{shortcut.keys}</Kbd>
              </Table.Td>
              <Table.Td>{shortcut.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
