import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { headerParts } from '../../../../renderer/features/workshop/WorkshopHeader';
import type { Agreement } from '../../../../shared/model/agreement';
import { withParked, withPosition } from '../../../../shared/model/consensus';
import { consensusItems, setConsensusOf, type SectionId } from '../../../../shared/model/sections';
import { shortcutText, workshopActionDefinitions, type WorkshopActionDefinition } from '../../../../shared/model/workshop-actions';
import { findTemplate } from '../../../../shared/templates/templates';
import { VersionRepository } from '../../../../renderer/db/version-repository';
import { signatories } from '../../../../shared/model/versions';
import { readyAgreement, signaturePng } from '../../../fixtures/agreements';
import { renderApp } from '../../support/render-app';

const definitions: readonly WorkshopActionDefinition[] = workshopActionDefinitions;

async function openWorkshop(section: SectionId = 'workshop', change?: (agreement: Agreement) => void) {
  const app = await renderApp();
  const agreement = findTemplate('b2b-saas-mid-market')!.build();
  change?.(agreement);
  const record = await app.library.getState().create({ title: 'Acme and Globex: qualification rules and the handoff SLA for the 2027 plan', client: 'Acme GmbH', agreement });
  act(() => app.navigation.getState().navigate({ screen: 'workshop', workshopId: record.id, section }));
  await screen.findByRole('textbox', { name: 'Workshop title' }, { timeout: 10_000 });
  await waitFor(() => expect(app.session.getState().loaded).toBe(true));
  return { ...app, record };
}

const press = (init: KeyboardEventInit) => act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })));

const TIMEOUT = 120_000;

describe('the workshop shell', { timeout: TIMEOUT }, () => {
  it('lists the same actions in the ⋯ menu, the palette and the shortcuts sheet: the registry’s', async () => {
    const { user } = await openWorkshop();
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.getAttribute('data-action'))).toEqual(definitions.map((action) => action.id));
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(definitions.map((action) => `${action.label}${action.shortcuts[0] ? shortcutText(action.shortcuts[0]) : ''}`));
    await user.keyboard('{Escape}');

    press({ key: 'k', code: 'KeyK', ctrlKey: true });
    const search = await screen.findByRole('textbox', { name: 'Search parts and commands' });
    const dialog = search.closest('[role="dialog"]') as HTMLElement;
    const labels = within(dialog).getAllByRole('button').map((button) => button.textContent ?? '');
    for (const action of definitions) expect(labels.some((label) => label.startsWith(action.label)), action.label).toBe(true);
    await user.keyboard('{Escape}');

    // The shortcuts sheet, opened by its own shortcut, lists every action that has one, with its keys.
    press({ key: '/', code: 'Slash', altKey: true });
    const sheet = await screen.findByRole('table', { name: 'Keyboard shortcuts' });
    const rows = within(sheet).getAllByRole('row').map((row) => row.textContent ?? '');
    expect(rows).toHaveLength(definitions.filter((action) => action.shortcuts.length > 0).length);
    for (const action of definitions.filter((entry) => entry.shortcuts.length > 0)) expect(rows.some((row) => row.startsWith(shortcutText(action.shortcuts[0]!)) && row.endsWith(action.label)), action.label).toBe(true);
  });

  it('counts what is open once: the header’s “n open”, the drawer and the summary’s “Parked” agree', async () => {
    const { user } = await openWorkshop('workshop', (agreement) => {
      const items = consensusItems(agreement);
      const disputed = items.find((item) => item.kind === 'commitment')!;
      const parked = items.find((item) => item.kind === 'stage')!;
      setConsensusOf(agreement, disputed, withPosition(disputed.consensus, 'sales', 'disagree', disputed.contentHash));
      setConsensusOf(agreement, parked, withParked(parked.consensus, true, parked.contentHash));
      agreement.parkingLot = [{ id: 't1', topic: 'Partner leads', raisedBy: 'Ana', notes: '', status: 'open' }] as Agreement['parkingLot'];
    });
    // One disputed item, one parked item, one open topic: three open, two parked.
    expect(screen.getByTestId('open-questions-button')).toHaveTextContent('3 open');
    await user.click(screen.getByTestId('open-questions-button'));
    const drawer = await screen.findByRole('dialog', { name: /^Open questions/ });
    expect(drawer).toHaveAccessibleName('Open questions: 1 disputed, 1 parked, 1 open topic');
    expect(within(drawer).getAllByTestId('open-question')).toHaveLength(2);
    await user.keyboard('{Escape}');
    press({ key: 'k', code: 'KeyK', ctrlKey: true });
    await user.click(await screen.findByRole('textbox', { name: 'Search parts and commands' }));
    await user.paste('session summary');
    await user.click(await screen.findByRole('button', { name: /^Session summary/ }));
    const figures = await screen.findByTestId('summary-figures', {}, { timeout: 10_000 });
    expect(within(figures).getByText('Parked').parentElement).toHaveTextContent('2');
  });

  it('shows only what applies: after signing no “Ready to sign”, no open count, no timer unless it runs', () => {
    const draft = headerParts({ status: 'draft', blockers: 3, open: 2, timerRunning: false });
    expect(draft).toEqual({ ready: true, openCount: true, timer: true, frozen: false });
    expect(headerParts({ status: 'signed', blockers: 0, open: 2, timerRunning: false })).toEqual({ ready: false, openCount: false, timer: false, frozen: true });
    expect(headerParts({ status: 'signed', blockers: 0, open: 0, timerRunning: true }).timer).toBe(true);
    expect(headerParts({ status: 'signing', blockers: 0, open: 1, timerRunning: false })).toEqual({ ready: false, openCount: false, timer: true, frozen: true });
    expect(headerParts({ status: 'amended', blockers: 1, open: 1, timerRunning: false })).toMatchObject({ ready: true, openCount: true });
  });

  it('renders a signed workshop’s header without “Ready to sign”, the open count or a stopped timer; a running timer shows', async () => {
    const app = await renderApp();
    const record = await app.library.getState().create({ title: 'Acme alignment', client: 'Acme GmbH', agreement: readyAgreement() });
    const versions = new VersionRepository(app.db, () => Date.now());
    const signing = await versions.startSigning(record.id);
    for (const person of signatories(signing.agreement)) await versions.sign(record.id, { participantId: person.id, method: 'typed', image: signaturePng, signedAt: new Date().toISOString(), contentHash: signing.contentHash });
    await app.library.getState().refresh(record.id);
    act(() => app.navigation.getState().navigate({ screen: 'workshop', workshopId: record.id, section: 'workshop' }));
    await screen.findByRole('textbox', { name: 'Workshop title' }, { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('sign-button')).toHaveTextContent('Signed'));
    expect(screen.getByTestId('status-badge')).toHaveTextContent('Signed');
    expect(screen.queryByTestId('ready-button')).toBeNull();
    expect(screen.queryByTestId('open-questions-button')).toBeNull();
    expect(screen.queryByTestId('session-bar')).toBeNull();
    // A timer started anyway (Alt+T) is shown, so it can be paused.
    await waitFor(() => expect(app.session.getState().loaded).toBe(true));
    press({ key: 't', code: 'KeyT', altKey: true });
    expect(await screen.findByTestId('session-bar')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause the timer' })).toBeInTheDocument();
  });

  it('moving to a part focuses its heading; the timer on another part asks to follow', async () => {
    const { user, session } = await openWorkshop();
    const nav = screen.getByRole('navigation', { name: 'Parts of the agreement' });
    await user.click(within(nav).getByRole('button', { name: /Revenue plan/ }));
    await waitFor(() => expect(document.activeElement).toHaveTextContent('Revenue plan'));
    expect(document.activeElement?.tagName).toBe('H2');
    expect(session.getState().timer.runningSince).toBeNull();

    // Starting the timer on part 2 while it stands on part 1 asks; "No" starts it on part 1.
    press({ key: 't', code: 'KeyT', altKey: true });
    const ask = await screen.findByRole('dialog', { name: 'You are on part 2: move the timer here?' });
    await user.click(within(ask).getByRole('button', { name: /^No/ }));
    expect(session.getState().timer.runningSince).not.toBeNull();
    expect(session.getState().agenda[session.getState().timer.current]!.sectionId).toBe('workshop');

    // Moving to part 8 while it runs on part 1 asks again; Enter on the focused "Yes" moves it.
    await user.click(within(nav).getByRole('button', { name: /Handoff and SLA/ }));
    const again = await screen.findByRole('dialog', { name: 'You are on part 8: move the timer here?' }, { timeout: 30_000 });
    await waitFor(() => expect(within(again).getByRole('button', { name: 'Yes, move it here' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(session.getState().agenda[session.getState().timer.current]!.sectionId).toBe('handoff'));
    expect(session.getState().timer.runningSince).not.toBeNull();
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H2'));
    expect(document.activeElement).toHaveTextContent('Handoff and SLA');

    // "Next part" moves timer and screen together: no question, the new part's heading has the focus.
    press({ key: 'T', code: 'KeyT', altKey: true, shiftKey: true });
    const next = session.getState().agenda[session.getState().timer.current]!;
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H2'), { timeout: 30_000 });
    expect(document.activeElement).toHaveTextContent(next.title);
    expect(screen.queryByRole('dialog', { name: /move the timer here/ })).toBeNull();
  });

  it('undo and redo say what they undid', async () => {
    const { user, editor } = await openWorkshop('revenue');
    const rate = screen.getByRole('textbox', { name: /^SDR headcount/ });
    fireEvent.change(rate, { target: { value: '7' } });
    await waitFor(() => expect(editor.getState().agreement!.revenuePlan.sdrHeadcount).toBe(7));
    rate.blur();
    press({ key: 'z', code: 'KeyZ', ctrlKey: true });
    expect(await screen.findByText('Undid: SDR headcount: 4 → 7')).toBeInTheDocument();
    expect(editor.getState().agreement!.revenuePlan.sdrHeadcount).toBe(4);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(await screen.findByText('Redid: SDR headcount: 4 → 7')).toBeInTheDocument();
  });

  it('the palette finds an item: “first touch” → the commitment, which gets the focus in its part', async () => {
    const { user, navigation, editor } = await openWorkshop();
    press({ key: 'k', code: 'KeyK', ctrlKey: true });
    await user.click(await screen.findByRole('textbox', { name: 'Search parts and commands' }));
    await user.paste('first touch');
    const palette = screen.getByRole('textbox', { name: 'Search parts and commands' }).closest('[role="dialog"]') as HTMLElement;
    // Each found item is offered with its part.
    const option = await waitFor(() => within(palette).getAllByRole('button').find((button) => button.textContent === 'Commitment “First touch after MQL”8. Handoff and SLA')!);
    await user.click(option);
    await waitFor(() => expect(navigation.getState().route).toMatchObject({ section: 'handoff' }), { timeout: 30_000 });
    const id = editor.getState().agreement!.commitments.find((commitment) => commitment.metric === 'First touch after MQL')!.id;
    await waitFor(() => expect(document.getElementById(`item-${id}`)).toContainElement(document.activeElement as HTMLElement), { timeout: 30_000 });
  });

  it('the palette settles the part on screen: “Both sides agree to this part”, said, one undo step', async () => {
    const { user, editor } = await openWorkshop('reasons');
    press({ key: 'k', code: 'KeyK', ctrlKey: true });
    await user.click(await screen.findByRole('textbox', { name: 'Search parts and commands' }));
    await user.paste('agree to this part');
    const palette = screen.getByRole('textbox', { name: 'Search parts and commands' }).closest('[role="dialog"]') as HTMLElement;
    const option = await waitFor(() => within(palette).getAllByRole('button').find((button) => button.textContent?.startsWith('Both sides agree to this part'))!);
    await user.click(option);
    const items = () => consensusItems(editor.getState().agreement!).filter((item) => item.section === 'reasons');
    await waitFor(() => expect(items().every((item) => item.state === 'agreed')).toBe(true));
    expect(items().length).toBeGreaterThan(1);
    expect(await screen.findByText(/^Marketing and sales agreed to \d+ items of Rejection and recycling\. One undo/)).toBeInTheDocument();
    press({ key: 'z', code: 'KeyZ', ctrlKey: true });
    await waitFor(() => expect(items().every((item) => item.state !== 'agreed')).toBe(true));
  });
});
