import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionSummaryModal } from '../../../../renderer/features/summary/SessionSummaryModal';
import { connectNotifications, type Notice } from '../../../../renderer/components/notify';
import type { SessionFacts } from '../../../../shared/document/session-summary';
import type { AccordBridge } from '../../../../shared/ipc/api';
import type { Agreement } from '../../../../shared/model/agreement';
import { readyAgreement } from '../../../fixtures/agreements';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { StoresProvider } from '../../../../renderer/store/stores';
import { freshDatabase } from '../../support/render-app';

function sessionAgreement(): Agreement {
  const agreement = readyAgreement();
  agreement.workshop.title = 'Lead management agreement';
  agreement.stages[2]!.consensus = { proposedBy: 'marketing', marketing: 'agree', sales: 'disagree', state: 'disputed', notes: 'Sales wants 48 hours.' };
  agreement.icp[1]!.consensus = { proposedBy: 'facilitator', marketing: 'agree', sales: 'pending', state: 'parked', notes: 'Check the size band.' };
  agreement.parkingLot = [{ id: 't1', topic: 'Partner-sourced leads', raisedBy: 'Maria Chen', notes: '', status: 'open' }];
  agreement.decisions = [{ id: 'd1', text: 'An MQL needs fit ≥ B.', decidedAt: '2026-11-23 10:40', by: 'Both teams' }];
  agreement.actions = [
    { id: 'a1', task: 'Configure the scoring', owner: 'Maria Chen', due: '2026-12-20', status: 'open' },
    { id: 'a2', task: 'Send the agreement', owner: 'Dana Facilitator', due: '2026-11-25', status: 'open' },
    { id: 'a3', task: 'Book the review', owner: 'Sam Rivera', due: '2026-12-01', status: 'done' },
  ];
  return agreement;
}

const session: SessionFacts = { startedAt: '2026-11-23T09:00:00', endedAt: '2026-11-23T12:05:00', plannedMinutes: 180, spentMinutes: 185, sections: [{ sectionId: 'vocabulary', title: 'Common vocabulary', plannedMinutes: 20, spentMinutes: 26, skipped: false }] };

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
let accord: { exportSummaryPdf: ReturnType<typeof vi.fn>; saveTextFile: ReturnType<typeof vi.fn> };
let notices: Notice[];

beforeEach(() => {
  accord = {
    exportSummaryPdf: vi.fn(() => ok({ saved: true, path: '/home/dana/Documents/Accord/summary.pdf', bytes: 1000 })),
    saveTextFile: vi.fn(() => ok({ saved: true, path: '/home/dana/Documents/Accord/summary.md', bytes: 100 })),
  };
  window.accord = accord as unknown as AccordBridge;
  notices = [];
  connectNotifications((notice) => notices.push(notice));
});
afterEach(() => {
  delete window.accord;
});

function show(agreement = sessionAgreement(), { facts }: { facts?: SessionFacts } = { facts: session }) {
  const onClose = vi.fn();
  const user = userEvent.setup();
  // The dialog reads the consultant's branding from the app's stores (none saved here).
  render(
    <MantineProvider env="test">
      <StoresProvider stores={createAppStores(freshDatabase())}>
        <SessionSummaryModal agreement={agreement} session={facts} onClose={onClose} />
      </StoresProvider>
    </MantineProvider>,
  );
  return { user, onClose, agreement };
}

describe('SessionSummaryModal', () => {
  it('shows what was agreed per part, disputed and parked items, actions with owner and due date, decisions and the next review', () => {
    show();
    const dialog = screen.getByRole('dialog', { name: 'Session summary' });
    expect(within(dialog).getByText('Acme GmbH · Lead management agreement · 2026-11-23')).toBeInTheDocument();
    expect(screen.getByTestId('summary-session')).toHaveTextContent('Session: 3 h 05 min of 3 h, 09:00–12:05');
    expect(screen.getByTestId('summary-figures')).toHaveTextContent(/Next review\s*2027-02-23/);

    const agreed = screen.getByRole('table', { name: 'What was agreed' });
    const vocabulary = within(agreed).getByRole('row', { name: /3\. Common vocabulary/ });
    expect(vocabulary).toHaveTextContent('1 disputed');
    expect(vocabulary).toHaveTextContent('26 / 20 min');

    const disputed = screen.getByRole('list', { name: 'Still disputed' });
    expect(within(disputed).getByText(/Stage “/)).toBeInTheDocument();
    expect(within(disputed).getByText('Sales disagrees')).toBeInTheDocument();
    expect(disputed).toHaveTextContent('Sales wants 48 hours.');

    const parked = screen.getByRole('list', { name: 'Parked for later' });
    expect(within(parked).getAllByRole('listitem')).toHaveLength(2);
    expect(parked).toHaveTextContent('Partner-sourced leads');
    expect(parked).toHaveTextContent('Parking lot, raised by Maria Chen');

    const actions = within(screen.getByRole('table', { name: /Action items/ })).getAllByRole('row').slice(1);
    expect(actions.map((row) => row.textContent)).toEqual(['Send the agreementDana Facilitator2026-11-25Open', 'Configure the scoringMaria Chen2026-12-20Open', 'Book the reviewSam Rivera2026-12-01Done']);
    expect(screen.getByRole('list', { name: 'Decisions' })).toHaveTextContent('An MQL needs fit ≥ B.Both teams · 2026-11-23 10:40');
  });

  it('says "not set" for a missing next review date and leaves out the time column without a session', () => {
    const agreement = sessionAgreement();
    agreement.workshop.nextReviewDate = '';
    show(agreement, {});
    expect(screen.getByTestId('summary-figures')).toHaveTextContent(/Next review\s*not set/);
    expect(screen.queryByText('Spent / planned')).not.toBeInTheDocument();
    expect(screen.queryByTestId('summary-session')).not.toBeInTheDocument();
  });

  it('exports the sealed PDF through window.accord, A4 and Letter, with the session, and says where it was saved', async () => {
    const { user, agreement } = show();
    await user.click(screen.getByRole('button', { name: 'Export PDF (A4)' }));
    await waitFor(() => expect(notices).toEqual([{ message: 'Saved /home/dana/Documents/Accord/summary.pdf' }]));
    expect(accord.exportSummaryPdf).toHaveBeenCalledWith(expect.objectContaining({ paper: 'A4', agreement, session, suggestedName: 'Acme GmbH - Lead management agreement - session summary 2026-11-23' }));
    await user.click(screen.getByRole('button', { name: 'US Letter' }));
    await waitFor(() => expect(accord.exportSummaryPdf).toHaveBeenCalledTimes(2));
    expect(accord.exportSummaryPdf.mock.calls[1]![0]).toMatchObject({ paper: 'Letter' });
  });

  it('saves Markdown through the save-text flow', async () => {
    const { user } = show();
    await user.click(screen.getByRole('button', { name: 'Markdown' }));
    await waitFor(() => expect(notices).toEqual([{ message: 'Saved /home/dana/Documents/Accord/summary.md' }]));
    const request = accord.saveTextFile.mock.calls[0]![0] as { kind: string; content: string };
    expect(request.kind).toBe('markdown');
    expect(request.content).toMatch(/^# Session summary\n/);
    expect(request.content).toContain('| Send the agreement | Dana Facilitator | 25 Nov 2026 | Open |');
  });

  it('shows an export error as a notice, and nothing when the person cancels', async () => {
    accord.exportSummaryPdf.mockImplementationOnce(() => Promise.resolve({ ok: false, error: { code: 'failed', message: 'Printing needs Chromium.' } }));
    accord.exportSummaryPdf.mockImplementationOnce(() => ok({ saved: false }));
    const { user } = show();
    await user.click(screen.getByRole('button', { name: 'Export PDF (A4)' }));
    await waitFor(() => expect(notices).toEqual([{ tone: 'error', title: 'Not exported', message: 'Printing needs Chromium.' }]));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export PDF (A4)' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Export PDF (A4)' }));
    await waitFor(() => expect(accord.exportSummaryPdf).toHaveBeenCalledTimes(2));
    expect(notices).toHaveLength(1);
  });

  it('closes from its Close button', async () => {
    const { user, onClose } = show();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
