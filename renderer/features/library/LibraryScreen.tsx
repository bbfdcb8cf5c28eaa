import { ActionIcon, Alert, Button, Card, CloseButton, Group, Loader, Menu, Stack, Table, Text, TextInput, ThemeIcon, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDots, IconFolderOpen, IconHeartHandshake, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import type { WorkshopRecord } from '../../../shared/model/workshop';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBadge } from '../../components/StatusBadge';
import { visibleWorkshops } from '../../store/library-store';
import { useLibrary, useNavigation } from '../../store/stores';

let interactiveMarked = false;

/** Marks the moment the first screen is usable, once per page load (read by the start-up benchmark). */
function markInteractive(): void {
  if (interactiveMarked) return;
  interactiveMarked = true;
  performance.mark('accord:interactive');
}

/** The first screen: every workshop on this computer, searchable, with create, open and delete. */
export function LibraryScreen({ onNewWorkshop }: { onNewWorkshop: () => void }) {
  const status = useLibrary((state) => state.status);
  const error = useLibrary((state) => state.error);
  const workshops = useLibrary((state) => state.workshops);
  const query = useLibrary((state) => state.query);
  const setQuery = useLibrary((state) => state.setQuery);
  const remove = useLibrary((state) => state.remove);
  const navigate = useNavigation((state) => state.navigate);
  const searchRef = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => visibleWorkshops({ workshops, query }), [workshops, query]);

  useEffect(() => {
    if (status !== 'loading') markInteractive();
  }, [status]);
  useHotkeys([['mod+F', () => searchRef.current?.focus()], ['/', () => searchRef.current?.focus()]]);

  const open = (workshop: WorkshopRecord) => navigate({ screen: 'workshop', workshopId: workshop.id });
  const confirmDelete = (workshop: WorkshopRecord) =>
    modals.openConfirmModal({
      title: `Delete “${workshop.title}”?`,
      centered: true,
      children: (
        <Text size="sm">
          This removes the workshop{workshop.client ? ` for ${workshop.client}` : ''} and everything in it from this computer. It cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete workshop', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove(workshop.id).then(
          () => notifications.show({ message: `Deleted “${workshop.title}”.` }),
          (failure: unknown) => notifications.show({ color: 'red', title: 'Not deleted', message: failure instanceof Error ? failure.message : String(failure) }),
        );
      },
    });

  return (
    <section className="accord-content" aria-labelledby="library-title">
      <Group justify="space-between" align="flex-end" mb="xl">
        <div>
          <Title order={1} id="library-title">
            Workshops
          </Title>
          <Text c="dimmed" size="lg" mt={6}>
            Agree, test and sign how leads are qualified and handed over.
          </Text>
        </div>
        <Button size="md" leftSection={<IconPlus size={18} />} onClick={onNewWorkshop}>
          New workshop
        </Button>
      </Group>

      {status === 'loading' && (
        <Group justify="center" py={80}>
          <Loader aria-label="Loading the library" />
        </Group>
      )}
      {status === 'error' && (
        <Alert color="red" icon={<IconAlertCircle />} title="The library could not be opened">
          {error} Your data has not been changed. Close and reopen Accord; if this persists, restore a backup.
        </Alert>
      )}
      {status === 'ready' && workshops.length === 0 && <EmptyLibrary onNewWorkshop={onNewWorkshop} />}
      {status === 'ready' && workshops.length > 0 && (
        <Stack gap="md">
          <Group justify="space-between">
            <TextInput
              ref={searchRef}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              placeholder="Search by title or client"
              aria-label="Search workshops by title or client"
              leftSection={<IconSearch size={18} aria-hidden />}
              rightSection={query ? <CloseButton aria-label="Clear the search" onClick={() => setQuery('')} /> : null}
              size="md"
              w={420}
            />
            <Text c="dimmed" aria-live="polite">
              {query ? `${shown.length} of ${workshops.length} workshops` : `${workshops.length} ${workshops.length === 1 ? 'workshop' : 'workshops'}`}
            </Text>
          </Group>
          <Card withBorder padding={0} radius="md" bg="var(--accord-surface)">
            {shown.length === 0 ? (
              <Stack align="center" py={48} gap="xs">
                <Text fw={600}>No workshop matches “{query}”.</Text>
                <Button variant="subtle" onClick={() => setQuery('')}>
                  Clear the search
                </Button>
              </Stack>
            ) : (
              <Table verticalSpacing="md" horizontalSpacing="lg" fz="md" aria-label="Workshops">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Workshop</Table.Th>
                    <Table.Th>Client</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Last change</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((workshop) => (
                    <Table.Tr key={workshop.id} className="accord-row" onClick={() => open(workshop)} data-testid="workshop-row">
                      <Table.Td>
                        <UnstyledButton fw={600} fz="md" onClick={(event) => { event.stopPropagation(); open(workshop); }}>
                          {workshop.title}
                        </UnstyledButton>
                      </Table.Td>
                      <Table.Td c={workshop.client ? undefined : 'dimmed'}>{workshop.client || 'No client yet'}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={workshop.status} />
                      </Table.Td>
                      <Table.Td>
                        <RelativeTime timestamp={workshop.updatedAt} />
                      </Table.Td>
                      <Table.Td w={56} onClick={(event) => event.stopPropagation()}>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${workshop.title}`}>
                              <IconDots size={18} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconFolderOpen size={16} />} onClick={() => open(workshop)}>
                              Open
                            </Menu.Item>
                            <Menu.Divider />
                            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(workshop)}>
                              Delete…
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Stack>
      )}
    </section>
  );
}

function EmptyLibrary({ onNewWorkshop }: { onNewWorkshop: () => void }) {
  return (
    <Card withBorder radius="lg" padding={56} bg="var(--accord-surface)">
      <Stack align="center" gap="md" maw={560} mx="auto" ta="center">
        <ThemeIcon size={72} radius="xl" variant="light">
          <IconHeartHandshake size={40} stroke={1.5} />
        </ThemeIcon>
        <Title order={2}>Run your first alignment session</Title>
        <Text c="dimmed" size="lg">
          A workshop is where marketing and sales agree what a qualified lead is, when it is handed over and what each team commits to. Everything stays on this computer.
        </Text>
        <Button size="lg" leftSection={<IconPlus size={20} />} onClick={onNewWorkshop} mt="sm">
          New workshop
        </Button>
      </Stack>
    </Card>
  );
}
