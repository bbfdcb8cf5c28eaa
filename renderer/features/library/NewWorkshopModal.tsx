import '../../components/mantine-ui-styles';
import { Badge, Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ClientNameSchema, WorkshopTitleSchema } from '../../../shared/model/workshop';
import { firstIssueMessage } from '../../../shared/model/validation';
import { blankAgreement } from '../../../shared/model/blank-agreement';
import { useCalibrationStore, useLibrary, useTemplates } from '../../store/stores';

function zodField(schema: typeof WorkshopTitleSchema | typeof ClientNameSchema) {
  return (value: string) => {
    const result = schema.safeParse(value);
    return result.success ? null : firstIssueMessage(result.error);
  };
}

const BLANK = 'blank';

/** Asks for a title, the client and a template to start from, and creates a draft workshop. */
export function NewWorkshopModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const create = useLibrary((state) => state.create);
  const templates = useTemplates((state) => state.all)();
  const calibration = useCalibrationStore();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: '', client: '', template: templates[0]?.id ?? BLANK },
    validate: { title: zodField(WorkshopTitleSchema), client: zodField(ClientNameSchema) },
    validateInputOnBlur: true,
  });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New workshop" size="xl" centered>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const template = templates.find((entry) => entry.id === values.template);
            const record = await create({ title: values.title, client: values.client, agreement: template ? template.build() : blankAgreement() });
            // A sample comes with the mapping of its public export, ready to calibrate.
            if (template?.mapping) await calibration.getState().saveMapping(record.id, template.mapping);
            form.reset();
            setFailure(null);
            onCreated(record.id);
          } catch (error) {
            setFailure(error instanceof Error ? error.message : String(error));
          }
        })}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Title" description="What the room will see, e.g. “Lead handoff agreement 2027”." data-autofocus withAsterisk size="md" {...form.getInputProps('title')} error={form.errors.title ?? failure} />
            <TextInput label="Client organisation" description="Optional; you can add it later." size="md" {...form.getInputProps('client')} />
          </SimpleGrid>
          <Radio.Group label="Start from" description="A template is a complete, sensible agreement to adapt in the room." {...form.getInputProps('template')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
              {[...templates, { id: BLANK, name: 'Blank agreement', description: 'Only the structure; build every part in the room.', source: 'built-in' as const }].map((template) => (
                <Radio.Card key={template.id} value={template.id} radius="md" p="md" className="template-card">
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Group gap={6}>
                        <Text fw={650}>{template.name}</Text>
                        {template.source !== 'built-in' && (
                          <Badge size="sm" variant="light" color={template.source === 'sample' ? 'grape' : undefined}>
                            {template.source === 'sample' ? 'Sample data' : 'Mine'}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" c="dimmed">
                        {template.description}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
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
