import '../../components/mantine-ui-styles';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconCheck, IconCloudOff } from '@tabler/icons-react';
import { useState } from 'react';
import { ClientNameSchema, WorkshopTitleSchema, type WorkshopRecord } from '../../../shared/model/workshop';
import { firstIssueMessage } from '../../../shared/model/validation';
import { formatDateTime, RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { useAutosave, type SaveState } from '../../components/useAutosave';
import { useLibrary, useNavigation } from '../../store/stores';

/** One workshop: its name and client, edited in place and saved as you type. */
export function WorkshopScreen({ workshopId }: { workshopId: string }) {
  const workshop = useLibrary((state) => state.workshops.find((item) => item.id === workshopId));
  const status = useLibrary((state) => state.status);
  const navigate = useNavigation((state) => state.navigate);
  const back = () => navigate({ screen: 'library' });

  if (status === 'loading') return null;
  if (!workshop) {
    return (
      <section className="accord-content">
        <Alert color="yellow" icon={<IconAlertCircle />} title="This workshop is not in the library">
          It may have been deleted.{' '}
          <Anchor component="button" onClick={back}>
            Back to the library
          </Anchor>
        </Alert>
      </section>
    );
  }
  return <WorkshopDetails key={workshop.id} workshop={workshop} onBack={back} />;
}

function WorkshopDetails({ workshop, onBack }: { workshop: WorkshopRecord; onBack: () => void }) {
  const rename = useLibrary((state) => state.rename);
  const setClient = useLibrary((state) => state.setClient);
  const title = useAutosavedText(workshop.title, WorkshopTitleSchema, async (value) => void (await rename(workshop.id, value)));
  const client = useAutosavedText(workshop.client, ClientNameSchema, async (value) => void (await setClient(workshop.id, value)));
  const saveState: SaveState = [title.saveState, client.saveState].find((state) => state !== 'saved') ?? 'saved';

  return (
    <section className="accord-content" aria-label={`Workshop ${workshop.title}`}>
      <Group justify="space-between" mb="lg">
        <Breadcrumbs>
          <Anchor component="button" onClick={onBack} fz="md">
            <Group gap={6}>
              <IconArrowLeft size={16} aria-hidden />
              Library
            </Group>
          </Anchor>
          <Text fz="md" c="dimmed" truncate maw={480}>
            {workshop.title}
          </Text>
        </Breadcrumbs>
        <SaveIndicator state={saveState} />
      </Group>
      <Stack gap="xl">
        <VisuallyHidden>
          <h1>{workshop.title}</h1>
        </VisuallyHidden>
        <Group align="flex-start" gap="md" wrap="nowrap">
          <TextInput
            className="accord-title-input"
            style={{ flex: 1 }}
            variant="unstyled"
            aria-label="Workshop title"
            size="md"
            {...title.inputProps}
          />
          <div style={{ paddingTop: 14 }}>
            <StatusBadge status={workshop.status} />
          </div>
        </Group>
        <Card withBorder radius="md" padding="xl" bg="var(--accord-surface)">
          <Title order={2} size="h3" mb="md">
            Workshop details
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
            <TextInput label="Client organisation" description="The company whose teams are agreeing." size="md" {...client.inputProps} />
            <Stack gap={4}>
              <Text fw={500}>Dates</Text>
              <Text c="dimmed">Created {formatDateTime(workshop.createdAt)}</Text>
              <Text c="dimmed">
                Last change <RelativeTime timestamp={workshop.updatedAt} />
              </Text>
            </Stack>
          </SimpleGrid>
        </Card>
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            Back to the library
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

/**
 * A text field saved as you type. An invalid value is shown with its message
 * and never written; leaving the field then puts the stored value back.
 */
function useAutosavedText(stored: string, schema: typeof WorkshopTitleSchema | typeof ClientNameSchema, save: (value: string) => Promise<void>) {
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const autosave = useAutosave(save);
  // Follow the stored value when it changes elsewhere (e.g. undo), but never under the person's cursor.
  const [shownStored, setShownStored] = useState(stored);
  if (stored !== shownStored && !focused) {
    setShownStored(stored);
    setValue(stored);
  }
  return {
    saveState: autosave.state,
    inputProps: {
      value,
      error,
      onFocus: () => setFocused(true),
      onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
        const next = event.currentTarget.value;
        setValue(next);
        const parsed = schema.safeParse(next);
        if (parsed.success) {
          setError(null);
          autosave.schedule(parsed.data);
        } else {
          setError(firstIssueMessage(parsed.error));
          autosave.cancel();
        }
      },
      onBlur: () => {
        setFocused(false);
        void autosave.flush();
        if (error) {
          setValue(stored);
          setError(null);
        }
      },
      onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          autosave.cancel();
          setValue(stored);
          setError(null);
        }
      },
    },
  };
}

function SaveIndicator({ state }: { state: SaveState }) {
  if (state === 'error') {
    return (
      <Group gap={6} c="red" role="status">
        <IconCloudOff size={18} aria-hidden />
        <Text size="sm">Not saved: the change could not be written</Text>
      </Group>
    );
  }
  return (
    <Group gap={6} c="dimmed" role="status" aria-live="polite">
      {state === 'saved' && <IconCheck size={18} aria-hidden />}
      <Text size="sm">{state === 'saved' ? 'All changes saved' : 'Saving…'}</Text>
    </Group>
  );
}
