import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { findTemplate } from '../../../../shared/templates/templates';
import { renderApp } from '../../support/render-app';

/** The browser's own error for a full disk, as IndexedDB raises it inside a write. */
const diskFull = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function openWorkshop() {
  const app = await renderApp();
  const record = await app.library.getState().create({ title: 'Acme agreement', client: 'Acme GmbH', agreement: findTemplate('b2b-saas-mid-market')!.build() });
  act(() => app.navigation.getState().navigate({ screen: 'workshop', workshopId: record.id, section: 'workshop' }));
  await screen.findByRole('textbox', { name: 'Workshop title' }, { timeout: 5000 });
  return { ...app, record };
}

describe('a full disk while capturing a decision (Alt+D)', () => {
  it('does not say "Decision logged.": the form stays open with the text and says the disk is full; once there is room, Enter logs it', async () => {
    const { user, db, record } = await openWorkshop();
    const put = vi.spyOn(db.agreements, 'put').mockImplementation((() => Promise.reject(diskFull())) as never);
    fireEvent.keyDown(window, { key: 'd', code: 'KeyD', altKey: true });
    const field = await screen.findByRole('textbox', { name: 'Decision' });
    await user.type(field, 'An MQL needs fit ≥ B');
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/Not saved: the disk is full\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Decision' })).toHaveValue('An MQL needs fit ≥ B');
    expect(screen.queryByText('Decision logged.')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/QuotaExceeded|UnknownError|backing store|AbortError/);
    // Nothing was written, and the draft does not claim the decision either.
    expect((await db.agreements.get(record.id))?.agreement.decisions.some((decision) => decision.text === 'An MQL needs fit ≥ B')).toBe(false);

    put.mockRestore();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Decision logged.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Decision' })).not.toBeInTheDocument());
    const stored = await db.agreements.get(record.id);
    expect(stored?.agreement.decisions.filter((decision) => decision.text === 'An MQL needs fit ≥ B')).toHaveLength(1);
  });

  it('an autosave on a full disk says so above the editor, not “UnknownError Internal error opening backing store”', async () => {
    const { user, db } = await openWorkshop();
    const backingStore = Object.assign(new Error('UnknownError Internal error opening backing store for indexedDB.open.'), { name: 'OpenFailedError', inner: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError') });
    vi.spyOn(db.agreements, 'put').mockImplementation((() => Promise.reject(backingStore)) as never);
    const title = screen.getByRole('textbox', { name: 'Workshop title' });
    await user.type(title, ' 2');
    const alert = await screen.findByTestId('save-problem', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('Changes not saved');
    expect(alert).toHaveTextContent('the disk is full');
    expect(document.body.textContent).not.toMatch(/UnknownError|backing store/);
  });
});
