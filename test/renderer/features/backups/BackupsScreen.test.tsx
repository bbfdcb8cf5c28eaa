import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serializeLibrary } from '../../../../shared/model/library-file';
import { App } from '../../../../renderer/app/App';
import { replaceLibrary } from '../../../../renderer/db/library-snapshot';
import type { LibraryNotice } from '../../../../renderer/store/backup-store';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { sampleLibrary } from '../../../fixtures/library';
import { freshDatabase } from '../../support/render-app';
import { installShell } from '../../support/shell';

// The Backups screen is a lazy chunk: import it once before the tests, so its first transform on a loaded machine is not
// spent inside the first test's wait for the heading.
beforeAll(async () => {
  await import('../../../../renderer/features/backups/BackupsScreen');
}, 120_000);

let shell: Awaited<ReturnType<typeof installShell>>;
let clock: number;
beforeEach(async () => {
  clock = new Date(2026, 10, 23, 9, 0, 0).getTime();
  shell = await installShell({ now: () => new Date(clock) });
});
afterEach(async () => {
  await shell.dispose();
});

/** The app on the Backups screen over a database holding the sample library; what follows a restore is recorded instead of reloading. */
async function renderBackups() {
  const db = freshDatabase();
  await replaceLibrary(db, sampleLibrary());
  const notices: LibraryNotice[] = [];
  const stores = createAppStores(db, { now: () => clock, saveDelayMs: 50, afterLibraryReplaced: (notice) => notices.push(notice) });
  await stores.library.getState().load();
  stores.navigation.getState().navigate({ screen: 'backups' });
  render(<App stores={stores} mantineEnv="test" />);
  await screen.findByRole('heading', { name: 'Backups', level: 1 });
  return { db, stores, notices, user: userEvent.setup({ applyAccept: false }) };
}

const backupFiles = async () => (await readdir(join(shell.dataDir, 'backups')).catch(() => [] as string[])).sort();

describe('Backups screen', () => {
  it('is reachable from the header, says when there is no backup yet, and backs up now', async () => {
    const { user, stores } = await renderBackups();
    stores.navigation.getState().navigate({ screen: 'library' });
    await user.click(await screen.findByRole('button', { name: 'Backups' }));
    expect(await screen.findByText('No backups yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const outcome = await screen.findByTestId('backups-outcome');
    expect(outcome).toHaveTextContent('The library (2 workshops) is saved as accord-library-20261123-090000-manual.json.');
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('23 Nov 2026, 09:00');
    expect(rows[0]).toHaveTextContent('Backed up by hand');
    expect(within(rows[0]!).getByRole('cell', { name: '2' })).toBeInTheDocument();
  });

  it('restores a backup after asking, backing up the current library first', async () => {
    const { user, db, stores, notices } = await renderBackups();
    // The backup to restore is made through the store, awaited to the end (written, listed, the store no longer busy):
    // clicking "Back up now" (tested above) and polling for its row raced a timeout on a loaded machine.
    await act(async () => {
      await stores.backups.getState().backUpNow('manual');
      await stores.backups.getState().refresh();
    });
    const restoreButton = await screen.findByRole('button', { name: 'Restore the backup of 23 Nov 2026, 09:00' });
    expect(restoreButton).toBeEnabled();
    await stores.library.getState().remove('w-acme');
    expect(await db.workshops.count()).toBe(1);
    clock += 5 * 60_000;
    await user.click(restoreButton);
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup of 23 Nov 2026, 09:00?' });
    expect(dialog).toHaveTextContent('The whole library is replaced by this backup (2 workshops). The library as it is now is backed up first, so you can undo this by restoring that backup.');
    await user.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    await waitFor(() => expect(notices).toHaveLength(1));
    expect(await db.workshops.count()).toBe(2);
    expect(await backupFiles()).toEqual(['accord-library-20261123-090000-manual.json', 'accord-library-20261123-090500-before-restore.json']);
    expect(notices[0]!.message).toContain('The library as it was before is kept as accord-library-20261123-090500-before-restore.json: restore that one to undo.');
  });

  it('shows the notice left by a restore after the reload', async () => {
    sessionStorage.setItem('accord:library-notice', JSON.stringify({ title: 'Backup restored', message: 'The library is as it was.' }));
    const { user } = await renderBackups();
    const notice = screen.getByTestId('backups-notice');
    expect(notice).toHaveTextContent('Backup restored');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('backups-notice')).not.toBeInTheDocument();
  });

  it('refuses a bad library file with the reason, and changes nothing', async () => {
    const { user, db } = await renderBackups();
    const before = await db.workshops.toArray();
    const damaged = JSON.parse(serializeLibrary(sampleLibrary(), { exportedAt: new Date(clock), appVersion: 'x' }).text) as { versions: { contentHash: string }[] };
    damaged.versions[0]!.contentHash = 'f'.repeat(64);
    await user.upload(screen.getByTestId('library-import-input'), new File([JSON.stringify(damaged)], 'tampered.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was changed');
    expect(alert).toHaveTextContent('“tampered.json” was not imported: versions[0] (version 1) does not match the hash it was signed with: its content was changed after it was locked. Nothing was changed.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await db.workshops.toArray()).toEqual(before);
    expect(await backupFiles()).toEqual([]);
  });

  it('imports a good library file after a confirmation that says it replaces the library', async () => {
    const { user, db, notices } = await renderBackups();
    const other = sampleLibrary();
    other.workshops = other.workshops.map((workshop) => ({ ...workshop, title: `${workshop.title} (imported)` }));
    await user.upload(screen.getByTestId('library-import-input'), new File([serializeLibrary(other, { exportedAt: new Date(clock), appVersion: 'x' }).text], 'moved.json', { type: 'application/json' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace the library with “moved.json”?' });
    expect(dialog).toHaveTextContent('holds 2 workshops, 2 versions, 1 template');
    expect(dialog).toHaveTextContent('Importing replaces the whole library on this computer; it does not merge. The library as it is now is backed up first');
    await user.click(within(dialog).getByRole('button', { name: 'Replace the library' }));
    await waitFor(() => expect(notices).toHaveLength(1));
    expect((await db.workshops.toArray()).map((workshop) => workshop.title).sort()).toEqual(['Lead handoff 2027 (imported)', 'Qualification reset (imported)']);
    expect(await backupFiles()).toEqual(['accord-library-20261123-090000-before-import.json']);
  });
});
