import { MantineProvider } from '@mantine/core';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReviewPanel } from '../../../../renderer/features/review/ReviewPanel';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { StoresProvider } from '../../../../renderer/store/stores';
import type { LoadedVersion } from '../../../../renderer/db/version-repository';
import type { ReviewResult } from '../../../../shared/engines/review/review';
import type { Agreement } from '../../../../shared/model/agreement';
import { readyAgreement } from '../../../fixtures/agreements';
import { freshDatabase } from '../../support/render-app';

/** An agreement whose first-touch target tells the versions apart. */
function withFirstTouch(hours: number): Agreement {
  const agreement = readyAgreement();
  agreement.commitments = agreement.commitments.map((commitment) => (commitment.kind === 'first-touch' ? { ...commitment, target: hours } : commitment));
  return agreement;
}
const version = (number: number, status: 'signing' | 'signed', hours: number, intact = true): LoadedVersion => ({ id: `w1:${number}`, workshopId: 'w1', number, status, agreement: withFirstTouch(hours), contentHash: `hash-${number}`, signatures: [], createdAt: Date.UTC(2026, 8, number), lockedAt: status === 'signed' ? Date.UTC(2026, 9, number) : null, intact });

function show(versions: LoadedVersion[], draft = withFirstTouch(99)) {
  const stores = createAppStores(freshDatabase());
  stores.versions.setState({ versions });
  const run = vi.fn(async (_agreement: Agreement, _label?: string | null) => {});
  const header = ['Lead ID', 'MQL Date'];
  stores.review.setState({ file: { file: new File(['Lead ID,MQL Date\n'], 'leads.csv'), preview: { name: 'leads.csv', size: 20, header, rows: [] } as never }, mapping: { version: 1, columns: { mqlAt: 'MQL Date' }, won: [], lost: [] }, from: '2026-11-01', to: '2026-11-30', run });
  render(
    <MantineProvider env="test">
      <StoresProvider stores={stores}>
        <ReviewPanel agreement={draft} onClose={() => {}} />
      </StoresProvider>
    </MantineProvider>,
  );
  return { stores, run, user: userEvent.setup() };
}
const firstTouchOf = (agreement: Agreement) => agreement.commitments.find((commitment) => commitment.kind === 'first-touch')!.target;

describe('ReviewPanel: which version is reviewed', () => {
  it('reviews the signed version in force, not the draft amendment or a version still being signed, and lets the person pick another signed one', async () => {
    const { run, user } = show([version(1, 'signed', 8), version(2, 'signed', 6), version(3, 'signing', 2), version(4, 'signed', 1, false)]);
    const picker = screen.getAllByLabelText('Agreement reviewed').find((element) => element instanceof HTMLInputElement && element.type !== 'hidden')!;
    expect(picker).toHaveValue('Version 2, signed 2 Oct 2026 (in force)');
    await user.click(screen.getByRole('button', { name: 'Review 2026-11-01 – 2026-11-30' }));
    expect(run).toHaveBeenCalledTimes(1);
    expect(firstTouchOf(run.mock.calls[0]![0])).toBe(6);
    expect(run.mock.calls[0]![1]).toBe('version 2, signed 2 Oct 2026 (in force)');

    await user.click(picker);
    // Only intact signed versions are offered: not the one being signed, not the tampered one.
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Version 2, signed 2 Oct 2026 (in force)', 'Version 1, signed 1 Oct 2026']);
    await user.click(screen.getByRole('option', { name: 'Version 1, signed 1 Oct 2026' }));
    await user.click(screen.getByRole('button', { name: 'Review 2026-11-01 – 2026-11-30' }));
    expect(firstTouchOf(run.mock.calls[1]![0])).toBe(8);
    expect(run.mock.calls[1]![1]).toBe('version 1, signed 1 Oct 2026');
  });

  it('says so when nothing is signed, and reviews the draft', async () => {
    const { run, user } = show([version(1, 'signing', 2)]);
    expect(screen.getByText('Agreement reviewed: the draft (nothing is signed yet)')).toBeInTheDocument();
    expect(screen.getByText('Nothing is signed yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Review 2026-11-01 – 2026-11-30' }));
    expect(firstTouchOf(run.mock.calls[0]![0])).toBe(99);
  });
});

describe('ReviewPanel: no data is shown as no data', () => {
  it('shows a no-data commitment and step with the reason, counts it apart, and the trend shows "No data", never 0 %', () => {
    const { stores } = show([version(1, 'signed', 4)]);
    const result: ReviewResult = {
      from: '2026-11-01',
      to: '2026-11-30',
      leads: 3,
      mqls: 3,
      agreementVersion: 'version 1, signed 1 Oct 2026 (in force)',
      commitments: [{ id: 'commit-first-touch', kind: 'first-touch', team: 'inside-sales', metric: 'First touch after MQL', actual: 'No data: map the First touch column to measure this', target: '4 business hours, for 90 % of MQLs', state: 'no-data', noData: 'map the First touch column to measure this', figures: {}, missedLeads: [], missedCount: 0 }],
      conversion: [{ step: 'MQL → SAL', actual: null, planned: 70, state: 'no-data', noData: 'map the Accepted column to measure this' }],
      weekly: [],
      monthly: [],
      need: { mqlsPerWeek: null, mqlsPerMonth: null, opportunitiesPerMonth: null },
      coverage: { periodDays: 30, coveredDays: 20, exportLastDate: '2026-11-20' },
      speedHistogram: [],
      reasons: [],
      problems: [],
    };
    act(() => stores.review.setState({
      status: 'done',
      result,
      history: [
        { id: 'old', workshopId: 'w1', from: '2026-10-01', to: '2026-10-31', fileName: 'oct.csv', ranAt: 1, mqls: 10, commitments: [{ id: 'commit-first-touch', metric: 'First touch after MQL', state: 'missed', actual: '50 %', share: 0.5 }], conversion: [{ step: 'MQL → SAL', actual: 40, planned: 70, state: 'missed' }] },
        { id: 'new', workshopId: 'w1', from: '2026-11-01', to: '2026-11-30', fileName: 'nov.csv', ranAt: 2, mqls: 3, commitments: [{ id: 'commit-first-touch', metric: 'First touch after MQL', state: 'no-data', actual: 'No data: map the First touch column to measure this', share: null }], conversion: [{ step: 'MQL → SAL', actual: null, planned: 70, state: 'no-data' }] },
      ],
    }));
    const results = screen.getByTestId('review-results');
    const card = within(results).getByLabelText('First touch after MQL: No data');
    expect(card).toHaveTextContent('No data: map the First touch column to measure this');
    expect(within(results).getByText('1 no data')).toBeInTheDocument();
    expect(within(results).getByText('map the Accepted column to measure this')).toBeInTheDocument();
    expect(within(results).getByTestId('review-coverage')).toHaveTextContent('20 of the period’s 30 days are covered');
    expect(within(results).getByText('Against the targets of version 1, signed 1 Oct 2026 (in force).')).toBeInTheDocument();
    const trend = within(results).getByRole('table', { name: 'Trend across reviews' });
    const row = (name: string) => within(trend).getByText(name).closest('tr')!;
    expect(within(row('First touch after MQL')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['First touch after MQL', '50 %', 'No data']);
    expect(within(row('Conversion MQL → SAL')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Conversion MQL → SAL', '40 %', 'No data']);
  });
});

describe('ReviewPanel: a measured figure without a target', () => {
  it('shows it as "Not judged: no target", counts no no-data, and the trend still shows a review stored before as it was', () => {
    const { stores } = show([version(1, 'signed', 4)]);
    const recycled = { id: 'kpi-recycled', kind: 'recycling', team: 'marketing', metric: 'Recycled leads that came back', actual: '0 of 115 recycled leads later reached SQL, opportunity or a win', target: 'followed up in nurture', state: 'no-target', noData: null, figures: { recycled: 115, cameBack: 0 }, missedLeads: [], missedCount: 0 } as const;
    const result: ReviewResult = {
      from: '2026-11-01',
      to: '2026-11-30',
      leads: 3,
      mqls: 3,
      agreementVersion: null,
      commitments: [{ id: 'commit-first-touch', kind: 'first-touch', team: 'inside-sales', metric: 'First touch after MQL', actual: '95 % within 4 business hours', target: '4 business hours, for 90 % of MQLs', state: 'met', noData: null, figures: { share: 0.95 }, missedLeads: [], missedCount: 0 }, { ...recycled, missedLeads: [] }],
      conversion: [],
      weekly: [],
      monthly: [],
      need: { mqlsPerWeek: null, mqlsPerMonth: null, opportunitiesPerMonth: null },
      coverage: { periodDays: 30, coveredDays: 30, exportLastDate: '2026-11-30' },
      speedHistogram: [],
      reasons: [],
      problems: [],
    };
    act(() => stores.review.setState({
      status: 'done',
      result,
      history: [
        // Stored before the state existed: recycling was kept as no data.
        { id: 'old', workshopId: 'w1', from: '2026-10-01', to: '2026-10-31', fileName: 'oct.csv', ranAt: 1, mqls: 10, commitments: [{ id: 'kpi-recycled', metric: 'Recycled leads that came back', state: 'no-data', actual: '3 of 40 recycled leads later reached SQL, opportunity or a win', share: null }], conversion: [] },
        { id: 'new', workshopId: 'w1', from: '2026-11-01', to: '2026-11-30', fileName: 'nov.csv', ranAt: 2, mqls: 3, commitments: [{ id: 'kpi-recycled', metric: 'Recycled leads that came back', state: 'no-target', actual: recycled.actual, share: null }], conversion: [] },
      ],
    }));
    const results = screen.getByTestId('review-results');
    expect(within(results).getByLabelText('Recycled leads that came back: Not judged: no target')).toHaveTextContent('0 of 115 recycled leads later reached SQL');
    expect(within(results).getByText('0 no data')).toBeInTheDocument();
    expect(within(results).getByText('1 not judged: no target')).toBeInTheDocument();
    const trend = within(results).getByRole('table', { name: 'Trend across reviews' });
    const row = within(trend).getByText('Recycled leads that came back').closest('tr')!;
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Recycled leads that came back', 'No data', 'Not judged: no target']);
  });
});

describe('ReviewCharts: the weekly need line is inside the axis', () => {
  it('reaches the plan’s weekly need when it is above every week, and the tallest week otherwise', async () => {
    const { weeklyAxisMax } = await import('../../../../renderer/features/review/ReviewCharts');
    // Weeks of 40 MQLs against a need of 120 a week: the old axis stopped near 40 and drew the line off the chart.
    expect(weeklyAxisMax(40, 120)).toBeGreaterThanOrEqual(120);
    expect(weeklyAxisMax(200, 100)).toBeGreaterThanOrEqual(200);
    expect(weeklyAxisMax(0, null)).toBeGreaterThan(0);
  });
});
