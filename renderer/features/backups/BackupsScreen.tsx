import '../../components/mantine-ui-styles';
import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconCircleCheck, IconDatabaseExport, IconDatabaseImport, IconRestore } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { BackupReason } from '../../../shared/model/backup-names';
import { formatDateTime, RelativeTime } from '../../components/RelativeTime';
import { describeCounts, type BackupEntry } from '../../store/backup-store';
import { useBackups, useBackupStore } from '../../store/stores';

const ConfirmDialog = lazy(() => import('../../components/ConfirmDialog').then((module) => ({ default: module.ConfirmDialog })));

/** Why a backup was made, for people. */
export const reasonLabels: Record<BackupReason, { label: string; color: string }> = {
  auto: { label: 'Automatic', color: 'gray' },
  quit: { label: 'On closing', color: 'gray' },
  manual: { label: 'Backed up by hand', color: 'blue' },
  'before-restore': { label: 'Before a restore', color: 'grape' },
  'before-import': { label: 'Before an import', color: 'grape' },
};

/** "1.2 MB", "840 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Outcome = { tone: 'success' | 'error'; title: string; message: string };

/**
 * The Backups screen: the automatic backups of the whole library (restore
 * one; the current library is backed up first, so a restore can be undone),
 * "Back up now", and the export and import of the whole library as one file.
 * An import replaces the library (it does not merge), after a backup.
 */
export function BackupsScreen() {
  const store = useBackupStore();
  const status = useBackups((state) => state.status);
  const backups = useBackups((state) => state.backups);
  const listError = useBackups((state) => state.error);
  const busy = useBackups((state) => state.busy);
  const pendingImport = useBackups((state) => state.pendingImport);
  const notice = useBackups((state) => state.notice);
  const importInput = useRef<HTMLInputElement>(null);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [restoringName, setRestoringName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importRequested = useBackups((state) => state.importRequested);
  const importButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void store.getState().refresh().catch(() => undefined);
  }, [store]);
  // File → Import Library…: the focus goes to "Import library…", and the picker opens where the browser allows it.
  useEffect(() => {
    if (!importRequested) return;
    store.getState().clearImportRequest();
    importButton.current?.focus();
    importInput.current?.click();
  }, [importRequested, store]);

  const run = (task: () => Promise<Outcome | null>) => {
    setOutcome(null);
    task().then(setOutcome, (error: unknown) => setOutcome({ tone: 'error', title: 'Nothing was changed', message: messageOf(error) }));
  };
  const leftOutNote = (leftOut: string[]) => (leftOut.length === 0 ? '' : ` ${leftOut.length} damaged record${leftOut.length === 1 ? ' was' : 's were'} left out: ${leftOut.slice(0, 3).join(' ')}${leftOut.length > 3 ? ' …' : ''}`);

  const backUpNow = () =>
    run(async () => {
      const written = await store.getState().backUpNow('manual');
      return { tone: 'success', title: 'Backed up', message: `The library (${written.workshops ?? 0} workshop${written.workshops === 1 ? '' : 's'}) is saved as ${written.name}.${leftOutNote(written.leftOut)}` };
    });
  const exportLibrary = () =>
    run(async () => {
      const exported = await store.getState().exportLibrary();
      if (exported.path === null) return null;
      return { tone: 'success', title: 'Library exported', message: `${describeCounts(exported.counts)} saved to ${exported.path}.${leftOutNote(exported.leftOut)}` };
    });
  const chooseImport = (file: File | undefined) => {
    if (!file) return;
    run(async () => {
      await store.getState().prepareImport(file);
      return null;
    });
  };
  const restore = (entry: BackupEntry) => {
    setRestoring(null);
    setRestoringName(entry.name);
    run(async () => {
      try {
        const done = await store.getState().restore(entry.name);
        return { tone: 'success', title: 'Backup restored', message: `The library as it was before is kept as ${done.before}.` };
      } finally {
        setRestoringName(null);
      }
    });
  };
  const confirmImport = () =>
    run(async () => {
      const done = await store.getState().confirmImport();
      return { tone: 'success', title: 'Library imported', message: `The library as it was before is kept as ${done.before}.` };
    });

  return (
    <section className="accord-content" aria-labelledby="backups-title">
      <Title order={1} id="backups-title">
        Backups
      </Title>
      <Text c="dimmed" size="lg" mt={6} mb="xl" maw={860}>
        Accord backs up the whole library on this computer every 15 minutes while you work and when you close it. It keeps the last five backups of today and one for each earlier day, up to 30 days. Restoring a backup first backs up the library as it is, so a restore can be undone.
      </Text>

      {notice && (
        <Alert color="teal" icon={<IconCircleCheck />} title={notice.title} withCloseButton closeButtonLabel="Dismiss" onClose={() => store.getState().dismissNotice()} mb="lg" data-testid="backups-notice">
          {notice.message}
        </Alert>
      )}

      <Card withBorder radius="lg" padding="lg" mb="lg">
        <Group justify="space-between" align="center" gap="md">
          <div>
            <Title order={2} size="h4">
              The whole library as one file
            </Title>
            <Text size="sm" c="dimmed" maw={560}>
              Export to move your workshops to another computer or keep a copy elsewhere. Importing a library file replaces the library on this computer (after backing it up).
            </Text>
          </div>
          <Group gap="sm">
            <Button leftSection={<IconArchive size={18} aria-hidden />} onClick={backUpNow} loading={busy === 'backup'} disabled={busy !== null && busy !== 'backup'}>
              Back up now
            </Button>
            <Button variant="default" leftSection={<IconDatabaseExport size={18} aria-hidden />} onClick={exportLibrary} loading={busy === 'export'} disabled={busy !== null && busy !== 'export'}>
              Export library…
            </Button>
            <Button ref={importButton} variant="default" leftSection={<IconDatabaseImport size={18} aria-hidden />} onClick={() => importInput.current?.click()} loading={busy === 'import'} disabled={busy !== null && busy !== 'import'}>
              Import library…
            </Button>
            <input
              ref={importInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Library file to import"
              data-testid="library-import-input"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                chooseImport(file);
              }}
            />
          </Group>
        </Group>
      </Card>

      {outcome && (
        <Alert
          color={outcome.tone === 'error' ? 'red' : 'teal'}
          icon={outcome.tone === 'error' ? <IconAlertTriangle /> : <IconCircleCheck />}
          title={outcome.title}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setOutcome(null)}
          mb="lg"
          role={outcome.tone === 'error' ? 'alert' : 'status'}
          data-testid="backups-outcome"
        >
          {outcome.message}
        </Alert>
      )}

      <Title order={2} size="h3" mb="sm">
        Backups on this computer
      </Title>
      {status === 'loading' && backups.length === 0 ? (
        <Group justify="center" py="xl">
          <Loader aria-label="Reading the backups" />
        </Group>
      ) : status === 'error' ? (
        <Alert color="red" icon={<IconAlertTriangle />} title="The backups could not be read">
          {listError}
        </Alert>
      ) : backups.length === 0 ? (
        <Card withBorder radius="lg" padding="xl">
          <Stack align="center" gap="xs">
            <IconArchive size={40} stroke={1.4} aria-hidden />
            <Text fw={600}>No backups yet</Text>
            <Text c="dimmed" ta="center" maw={520}>
              The first automatic backup is made a minute after your first change. Use “Back up now” to make one at once.
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder radius="lg" padding={0}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover aria-label="Backups, newest first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Made</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
                <Table.Th scope="col">Workshops</Table.Th>
                <Table.Th scope="col">Size</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Restore</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((entry) => {
                const at = Date.parse(entry.createdAt);
                return (
                  <Table.Tr key={entry.name} data-testid="backup-row">
                    <Table.Td>
                      <Text fw={600}>{formatDateTime(at)}</Text>
                      <Text size="sm" c="dimmed">
                        <RelativeTime timestamp={at} />
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={reasonLabels[entry.reason].color}>
                        {reasonLabels[entry.reason].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{entry.workshops ?? '—'}</Table.Td>
                    <Table.Td>{formatBytes(entry.bytes)}</Table.Td>
                    <Table.Td ta="right">
                      <Button variant="light" leftSection={<IconRestore size={16} aria-hidden />} onClick={() => setRestoring(entry)} disabled={busy !== null} loading={restoringName === entry.name} aria-label={`Restore the backup of ${formatDateTime(at)}`}>
                        Restore
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Text size="sm" c="dimmed" mt="md">
        Backups are files in Accord’s data folder, in <code>backups</code>; a library export is the same kind of file.
      </Text>

      <Suspense fallback={null}>
        {restoring && (
          <ConfirmDialog
            opened
            title={`Restore the backup of ${formatDateTime(Date.parse(restoring.createdAt))}?`}
            confirmLabel="Restore this backup"
            cancelLabel="Keep the current library"
            onCancel={() => setRestoring(null)}
            onConfirm={() => restore(restoring)}
          >
            The whole library is replaced by this backup{restoring.workshops === null ? '' : ` (${restoring.workshops} workshop${restoring.workshops === 1 ? '' : 's'})`}. The library as it is now is backed up first, so you can undo this by restoring that backup.
          </ConfirmDialog>
        )}
        {pendingImport && (
          <ConfirmDialog
            opened
            title={`Replace the library with “${pendingImport.fileName}”?`}
            confirmLabel="Replace the library"
            onCancel={() => store.getState().cancelImport()}
            onConfirm={confirmImport}
          >
            The file was checked and holds {describeCounts(pendingImport.counts)}, exported {formatDateTime(Date.parse(pendingImport.exportedAt))}. Importing replaces the whole library on this computer; it does not merge. The library as it is now is backed up first, so you can undo this by restoring that backup.
          </ConfirmDialog>
        )}
      </Suspense>
    </section>
  );
}
