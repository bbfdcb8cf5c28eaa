import { act, render, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { CommandPalette, createPalette } from '../../../renderer/features/session/CommandPalette';
import { SettingsRepository } from '../../../renderer/db/settings-repository';
import { createAppStores } from '../../../renderer/store/create-stores';
import type { WorkshopActionId } from '../../../shared/model/workshop-actions';
import { findTemplate } from '../../../shared/templates/templates';
import { freshDatabase } from '../support/render-app';

/** The app rendered over its own stores and database, with one workshop open. */
async function renderWorkshop(title: string) {
  const db = freshDatabase();
  let id = 0;
  const stores = createAppStores(db, { newId: () => `${title}-${(id += 1)}`, saveDelayMs: 50, editorClock: () => 1_750_000_000_000 });
  await stores.library.getState().load();
  const view = render(<App stores={stores} mantineEnv="test" />);
  const record = await stores.library.getState().create({ title, agreement: findTemplate('b2b-saas-mid-market')!.build() });
  act(() => stores.navigation.getState().navigate({ screen: 'workshop', workshopId: record.id }));
  await within(view.container).findByRole('textbox', { name: 'Workshop title' }, { timeout: 30_000 });
  return { ...stores, db, view, within: () => within(view.container) };
}

describe('each createAppStores has its own state (no module singletons)', { timeout: 120_000 }, () => {
  it('branding: a second set of stores over another database neither resets nor sees the first one’s', async () => {
    const first = createAppStores(freshDatabase());
    await first.branding.getState().load();
    await first.branding.getState().save({ name: 'Northwind Advisory', accent: '#862e9c' });

    const otherDb = freshDatabase();
    const second = createAppStores(otherDb);
    // The first app's branding is untouched by the second set being created (it used to be reconnected and emptied).
    expect(first.branding.getState()).toMatchObject({ branding: { name: 'Northwind Advisory', accent: '#862e9c' }, loaded: true });
    expect(second.branding.getState()).toMatchObject({ branding: null, loaded: false });
    await second.branding.getState().load();
    expect(second.branding.getState()).toMatchObject({ branding: null, loaded: true });
    await second.branding.getState().save({ name: 'Globex Consulting' });
    expect(first.branding.getState().branding).toEqual({ name: 'Northwind Advisory', accent: '#862e9c' });
    // Each saved into its own database.
    expect(await new SettingsRepository(otherDb).getBranding()).toEqual({ name: 'Globex Consulting' });
  });

  it('workshop commands: a handler registered with one set of stores is never run by another', () => {
    const first = createAppStores(freshDatabase());
    const second = createAppStores(freshDatabase());
    const ran: WorkshopActionId[] = [];
    const remove = first.workshopCommands.handle((action) => ran.push(action));
    expect(second.workshopCommands.run('summary')).toBe(false);
    expect(first.workshopCommands.run('summary')).toBe(true);
    expect(ran).toEqual(['summary']);
    remove();
    expect(first.workshopCommands.run('summary')).toBe(false);
    expect(ran).toEqual(['summary']);
  });

  it('export options: the choice to print the calibration belongs to one set of stores, and starts unchosen', () => {
    const first = createAppStores(freshDatabase());
    const second = createAppStores(freshDatabase());
    first.exportOptions.getState().setIncludeCalibration(false);
    expect(first.exportOptions.getState().includeCalibration).toBe(false);
    expect(second.exportOptions.getState().includeCalibration).toBeNull();
    expect(createAppStores(freshDatabase()).exportOptions.getState().includeCalibration).toBeNull();
  });

  it('the open workshop registers with its own app’s registry: a menu command opens its palette', async () => {
    const app = await renderWorkshop('Northwind');
    const other = createAppStores(freshDatabase());
    expect(other.workshopCommands.run('palette')).toBe(false);
    expect(app.within().queryByRole('textbox', { name: 'Search parts and commands' })).toBeNull();
    act(() => void expect(app.workshopCommands.run('palette')).toBe(true));
    await waitFor(() => expect(app.within().getByRole('textbox', { name: 'Search parts and commands' })).toBeVisible());
  });

  it('palette: two palettes on one page open and close on their own', async () => {
    const north = createPalette();
    const globex = createPalette();
    const commands = (name: string) => [{ group: 'Commands', commands: [{ id: `${name}-summary`, label: `${name} summary`, run: () => undefined }] }];
    const view = render(
      <MantineProvider env="test">
        <div data-testid="north">
          <CommandPalette palette={north} groups={commands('North')} />
        </div>
        <div data-testid="globex">
          <CommandPalette palette={globex} groups={commands('Globex')} />
        </div>
      </MantineProvider>,
    );
    const search = (id: string) => within(view.getByTestId(id)).queryByRole('textbox', { name: 'Search parts and commands' });
    act(() => north.open());
    await waitFor(() => expect(search('north')).toBeVisible());
    expect(search('globex')).toBeNull();
    expect(within(view.getByTestId('north')).getByText('North summary')).toBeInTheDocument();
    await userEvent.setup().type(search('north')!, '{Escape}');
    await waitFor(() => expect(search('north')).toBeNull());
    act(() => globex.open());
    await waitFor(() => expect(search('globex')).toBeVisible());
    expect(search('north')).toBeNull();
  });
});
