import '../../components/mantine-ui-styles';
import './library.css';
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
const FACILITATOR_MAX = 200;

/** Today on this computer's calendar, as the date field holds it ("2026-12-01"): the day the room meets, most often. */
function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Asks for a title, the client, the facilitator, the date and a template to
 * start from, and creates a draft workshop. The dialog scrolls inside; its
 * Cancel / Create row stays in view (at 1366×768 too).
 */
export function NewWorkshopModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const create = useLibrary((state) => state.create);
  const templates = useTemplates((state) => state.all)();
  const calibration = useCalibrationStore();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: '', client: '', facilitator: '', date: localToday(), template: templates[0]?.id ?? BLANK },
    validate: {
      title: zodField(WorkshopTitleSchema),
      client: zodField(ClientNameSchema),
      facilitator: (value: string) => (value.trim().length > FACILITATOR_MAX ? `Keep the name under ${FACILITATOR_MAX + 1} characters.` : null),
      date: (value: string) => (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Use a date like 2027-03-31.'),
    },
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
            const base = template ? template.build() : blankAgreement();
            const agreement = { ...base, workshop: { ...base.workshop, facilitator: values.facilitator.trim(), date: values.date } };
            const record = await create({ title: values.title, client: values.client, agreement });
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
            <TextInput label="Facilitator" description="Who runs the session; optional here, needed to sign." size="md" {...form.getInputProps('facilitator')} />
            <TextInput label="Workshop date" description="The day the room meets." type="date" size="md" {...form.getInputProps('date')} />
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
          <Group justify="flex-end" className="new-workshop-footer">
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
