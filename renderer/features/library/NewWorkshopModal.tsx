import '../../components/mantine-ui-styles';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ClientNameSchema, WorkshopTitleSchema } from '../../../shared/model/workshop';
import { firstIssueMessage } from '../../../shared/model/validation';
import { useLibrary } from '../../store/stores';
import { useState } from 'react';

function zodField(schema: typeof WorkshopTitleSchema | typeof ClientNameSchema) {
  return (value: string) => {
    const result = schema.safeParse(value);
    return result.success ? null : firstIssueMessage(result.error);
  };
}

/** Asks for a title (and, optionally, the client) and creates a draft workshop. */
export function NewWorkshopModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const create = useLibrary((state) => state.create);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: '', client: '' },
    validate: { title: zodField(WorkshopTitleSchema), client: zodField(ClientNameSchema) },
    validateInputOnBlur: true,
  });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New workshop" size="lg" centered>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const record = await create(values);
            form.reset();
            setFailure(null);
            onCreated(record.id);
          } catch (error) {
            setFailure(error instanceof Error ? error.message : String(error));
          }
        })}
      >
        <Stack gap="md">
          <TextInput
            label="Title"
            description="What the room will see, e.g. “Lead handoff agreement 2027”."
            data-autofocus
            withAsterisk
            size="md"
            {...form.getInputProps('title')}
            error={form.errors.title ?? failure}
          />
          <TextInput label="Client organisation" description="Optional; you can add it later." size="md" {...form.getInputProps('client')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit">Create workshop</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
