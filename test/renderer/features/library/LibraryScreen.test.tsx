import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../support/render-app';

describe('Library screen', () => {
  it('invites to create the first workshop when the library is empty', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { name: 'Run your first alignment session' })).toBeInTheDocument();
  });

  it('creates a workshop from the dialog and opens it', async () => {
    const { user, repository, navigation } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'New workshop' })[0]!);
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), 'Lead handoff 2027');
    await user.type(screen.getByRole('textbox', { name: /^Client organisation/ }), 'Acme GmbH');
    await user.click(screen.getByRole('button', { name: 'Create workshop' }));
    await waitFor(() => expect(navigation.getState().route).toEqual({ screen: 'workshop', workshopId: 'w1' }));
    expect(await repository.list()).toMatchObject([{ title: 'Lead handoff 2027', client: 'Acme GmbH', status: 'draft' }]);
  });

  it('focuses the search with "/" and clears it with Escape', async () => {
    const { user, library } = await renderApp();
    await library.getState().create({ title: 'Alpha' });
    await library.getState().create({ title: 'Beta' });
    await screen.findAllByTestId('workshop-row');
    await user.keyboard('/');
    const search = screen.getByRole('searchbox', { name: 'Search workshops by title or client' });
    expect(search).toHaveFocus();
    await user.keyboard('alp');
    expect(screen.getAllByTestId('workshop-row')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.getAllByTestId('workshop-row')).toHaveLength(2);
  });

  it('refuses a title of only spaces in the dialog, with a message, and creates nothing', async () => {
    const { user, repository } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'New workshop' })[0]!);
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), '    ');
    await user.click(screen.getByRole('button', { name: 'Create workshop' }));
    expect(await screen.findByText('Give the workshop a title; it cannot be empty.')).toBeInTheDocument();
    expect(await repository.list()).toEqual([]);
  });

  it('lists workshops with client and status, and searches ignoring accents', async () => {
    const { user, library } = await renderApp();
    await library.getState().create({ title: 'Q3 SLA reset', client: 'Société Générale' });
    await library.getState().create({ title: 'Demand waterfall', client: 'Acme' });
    expect(await screen.findAllByTestId('workshop-row')).toHaveLength(2);
    await user.type(screen.getByRole('searchbox', { name: 'Search workshops by title or client' }), 'societe');
    const rows = screen.getAllByTestId('workshop-row');
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByText('Q3 SLA reset')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 workshops')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search workshops by title or client' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search workshops by title or client' }), 'nothing like this');
    expect(screen.getByText('No workshop matches “nothing like this”.')).toBeInTheDocument();
  });

  it('asks before deleting; "Keep it" keeps, confirming deletes', async () => {
    const { user, library, repository } = await renderApp();
    await library.getState().create({ title: 'Precious', client: 'Client A' });
    await user.click(await screen.findByRole('button', { name: 'Delete Precious' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Precious”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await repository.list()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete Precious' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete workshop' }));
    await waitFor(async () => expect(await repository.list()).toEqual([]));
    expect(await screen.findByRole('heading', { name: 'Run your first alignment session' })).toBeInTheDocument();
  });
});
