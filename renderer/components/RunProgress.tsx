import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';

/** A long run in a worker: its progress bar, what it has read so far, and Cancel. */
export function RunProgress({ label, bytes, total, status, onCancel }: { label: string; bytes: number; total: number; status: string; onCancel: () => void }) {
  const percent = total ? (bytes / total) * 100 : 0;
  return (
    <Stack gap="xs">
      <Progress value={percent} aria-label={label} animated />
      <Group justify="space-between">
        <Text size="sm" role="status">
          {status}
        </Text>
        <Button variant="default" leftSection={<IconPlayerStop size={16} />} onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
