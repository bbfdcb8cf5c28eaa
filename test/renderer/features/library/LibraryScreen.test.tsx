import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('duplicates, archives behind "Show archived (n)", and unarchives from the row buttons', async () => {
    const { user, library, repository } = await renderApp();
    await library.getState().create({ title: 'Old plan', client: 'Beta' });
    await library.getState().create({ title: 'Current plan', client: 'Acme' });
    await screen.findAllByTestId('workshop-row');

    await user.click(screen.getByRole('button', { name: 'Duplicate Current plan' }));
    await waitFor(() => expect(screen.getAllByTestId('workshop-row')).toHaveLength(3));
    expect(screen.getAllByTestId('workshop-row').map((row) => within(row).getAllByRole('button')[0]!.textContent)).toEqual(['Copy of Current plan', 'Current plan', 'Old plan']);
    expect((await repository.list()).find((workshop) => workshop.title === 'Copy of Current plan')).toMatchObject({ client: 'Acme', status: 'draft' });

    expect(screen.queryByRole('button', { name: /Show archived/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Archive Old plan' }));
    await waitFor(() => expect(screen.getAllByTestId('workshop-row')).toHaveLength(2));
    expect(screen.queryByText('Old plan')).not.toBeInTheDocument();
    expect(screen.getByText('2 workshops')).toBeInTheDocument();
    const show = screen.getByRole('button', { name: 'Show archived (1)' });
    expect(show).toHaveAttribute('aria-pressed', 'false');

    await user.click(show);
    const archivedRow = screen.getAllByTestId('workshop-row').find((row) => within(row).queryByText('Old plan'))!;
    expect(within(archivedRow).getByText('Archived')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide archived (1)' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(archivedRow).getByRole('button', { name: 'Unarchive Old plan' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /archived \(/ })).not.toBeInTheDocument());
    expect(screen.getAllByTestId('workshop-row')).toHaveLength(3);
    expect((await repository.list()).every((workshop) => workshop.archivedAt === undefined)).toBe(true);
  });

  it('says so when every workshop is archived, and shows them on request', async () => {
    const { user, library } = await renderApp();
    const only = await library.getState().create({ title: 'Only one' });
    await library.getState().setArchived(only.id, true);
    expect(await screen.findByText('Every workshop is archived.')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Show archived (1)' })[0]!);
    expect(screen.getAllByTestId('workshop-row')).toHaveLength(1);
  });

  it('asks for the facilitator and the date (today by default) and puts them in the new agreement', async () => {
    const { user, db, navigation } = await renderApp();
    await user.click(screen.getAllByRole('button', { name: 'New workshop' })[0]!);
    const date = (await screen.findByLabelText(/^Workshop date/)) as HTMLInputElement;
    const today = new Date();
    expect(date.value).toBe(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`);
    await user.click(screen.getByRole('textbox', { name: /^Title/ }));
    await user.paste('Lead handoff 2027');
    await user.click(screen.getByRole('textbox', { name: /^Facilitator/ }));
    await user.paste('  Dana Lee ');
    fireEvent.change(date, { target: { value: '2027-03-15' } });
    await user.click(screen.getByRole('button', { name: 'Create workshop' }));
    await waitFor(() => expect(navigation.getState().route).toEqual({ screen: 'workshop', workshopId: 'w1' }));
    const stored = await db.agreements.get('w1');
    expect(stored?.agreement.workshop).toMatchObject({ title: 'Lead handoff 2027', facilitator: 'Dana Lee', date: '2027-03-15' });
  });
});
