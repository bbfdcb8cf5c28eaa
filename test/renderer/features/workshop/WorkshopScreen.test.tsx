import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../support/render-app';

async function openWorkshop() {
  const app = await renderApp();
  const record = await app.library.getState().create({ title: 'Original title', client: 'Acme' });
  act(() => app.navigation.getState().navigate({ screen: 'workshop', workshopId: record.id }));
  const title = await screen.findByRole('textbox', { name: 'Workshop title' });
  return { ...app, record, title };
}

describe('Workshop screen', () => {
  it('renames as you type, without a save button', async () => {
    const { user, title, repository, record } = await openWorkshop();
    await user.clear(title);
    await user.type(title, 'Renamed workshop');
    await waitFor(async () => expect((await repository.get(record.id))?.title).toBe('Renamed workshop'), { timeout: 1000 });
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /save/i })).not.toBeInTheDocument();
  });

  it('refuses an empty title with a message and keeps the old one', async () => {
    const { user, title, repository, record } = await openWorkshop();
    await user.clear(title);
    await user.type(title, '   ');
    expect(await screen.findByText('Give the workshop a title; it cannot be empty.')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await repository.get(record.id))?.title).toBe('Original title');
    await user.tab();
    expect(title).toHaveValue('Original title');
    expect(screen.queryByText('Give the workshop a title; it cannot be empty.')).not.toBeInTheDocument();
  });

  it('saves the client name', async () => {
    const { user, repository, record } = await openWorkshop();
    const client = screen.getByRole('textbox', { name: /^Client organisation/ });
    await user.clear(client);
    await user.type(client, 'Société Générale');
    await user.tab();
    await waitFor(async () => expect((await repository.get(record.id))?.client).toBe('Société Générale'));
  });

  it('says so when the workshop does not exist', async () => {
    const app = await renderApp();
    act(() => app.navigation.getState().navigate({ screen: 'workshop', workshopId: 'gone' }));
    expect(await screen.findByText('This workshop is not in the library')).toBeInTheDocument();
  });
});
