import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CalibrationPanel } from '../../../../renderer/features/calibration/CalibrationPanel';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { StoresProvider, useEditor } from '../../../../renderer/store/stores';
import { rulesFingerprint } from '../../../../shared/engines/calibration/decision';
import { readOutcomeFile } from '../../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import type { Agreement } from '../../../../shared/model/agreement';
import { agreedConsensus } from '../../../../shared/model/consensus';
import { consensusItems, mapConsensus } from '../../../../shared/model/sections';
import { windowStory } from '../../../support/calibration-window-story';
import { freshDatabase } from '../../support/render-app';

async function* chunksOf(text: string) {
  yield text;
}

/** The panel over the editor's agreement, as the workshop screen shows it. */
function Panel() {
  const agreement = useEditor((state) => state.agreement);
  return agreement ? <CalibrationPanel agreement={agreement} onClose={() => {}} /> : null;
}

const itemOf = (agreement: Agreement, id: string) => consensusItems(agreement).find((item) => item.id === id);

/** A workshop whose every item is agreed, opened in the editor, with a stored calibration result (the export itself is not chosen: it is not kept). */
async function room() {
  const story = windowStory();
  // Every engagement level counts (the story has no signals): the MQL rule is grade B or better, grade B from a fit of 50.
  story.agreement.scoring.mqlRule.minEngagement = 1;
  const agreed = mapConsensus(story.agreement, (item) => agreedConsensus('facilitator', item.contentHash));
  const outcomes = await readOutcomeFile(chunksOf(story.deals), story.mapping, 'deals.csv');
  const result = await runCalibration({ agreement: agreed, mapping: story.mapping, outcomes, chunks: chunksOf(story.export_), asOf: '2026-01-15' });
  const stores = createAppStores(freshDatabase(), { saveDelayMs: 5 });
  const record = await stores.workshops.create({ title: 'Calibration room', agreement: agreed });
  await stores.editor.getState().open(record.id);
  stores.calibration.setState({ workshopId: record.id, mapping: story.mapping, result: { ...result, rulesFingerprint: rulesFingerprint(agreed) }, status: 'done', stored: { ranAt: Date.UTC(2026, 0, 15), files: { leads: 'leads.csv', accounts: null, outcome: 'deals.csv' } } });
  render(
    <MantineProvider env="test">
      <StoresProvider stores={stores}>
        <Panel />
      </StoresProvider>
    </MantineProvider>,
  );
  return { stores, story, user: userEvent.setup(), agreement: () => stores.editor.getState().agreement! };
}

describe('CalibrationPanel: from a result to a decision', () => {
  it('shows the threshold now and the plan’s MQL need; “Use this threshold” edits the agreement (one undo step) and the grades lose their agreed state', async () => {
    const { agreement, stores, user } = await room();
    const plan = agreement().revenuePlan;
    // Independently: MQLs the plan needs in its period = deals ÷ (win × SQL→opp × SAL→SQL × MQL→SAL).
    const deals = plan.revenueTarget! / plan.averageDealSize!;
    const mqls = deals / ((plan.winRate! / 100) * (plan.sqlToOpportunity! / 100) * (plan.salToSql! / 100) * (plan.mqlToSal! / 100));
    const facts = await screen.findByTestId('calibration-sweep-facts', undefined, { timeout: 20_000 });
    expect(facts).toHaveTextContent('Now: the MQL rule asks for fit grade B or better, which starts at a fit score of 50');
    expect(facts).toHaveTextContent(`The revenue plan needs ${Math.ceil(mqls).toLocaleString('en-US')} MQLs in its ${plan.periodWeeks}-week period`);
    expect(itemOf(agreement(), 'thresholds')!.state).toBe('agreed');

    // From the keyboard: two steps of 5 down from 50.
    const sweep = screen.getByTestId('calibration-sweep');
    within(sweep).getByRole('slider', { name: 'Fit threshold to try' }).focus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    const past = agreement();
    const steps = stores.editor.getState().past.length;
    await user.click(within(sweep).getByRole('button', { name: 'Use this threshold (40)' }));
    expect(agreement().scoring.fitThresholds.B).toBe(40);
    expect(stores.editor.getState().past.length).toBe(steps + 1);
    const thresholds = itemOf(agreement(), 'thresholds')!;
    expect(thresholds.state).toBe('proposed');
    expect(thresholds.positions).toEqual({ marketing: 'changed-agree', sales: 'changed-agree' });
    expect(within(sweep).getByTestId('calibration-edit')).toHaveTextContent('Grades and the MQL rule: Marketing changed since you agreed: reconfirm; Sales changed since you agreed: reconfirm.');
    // The stored figures are of the rules before: said, with the way to run again.
    expect(screen.getByTestId('calibration-stale')).toHaveTextContent('These figures are of the rules before a change');
    expect(screen.getByTestId('calibration-sweep-facts')).toHaveTextContent('starts at a fit score of 40');
    // One undo step brings the agreement back as it was, agreed.
    await user.click(within(sweep).getByRole('button', { name: 'Undo this change' }));
    expect(agreement()).toBe(past);
    expect(itemOf(agreement(), 'thresholds')!.state).toBe('agreed');
    expect(screen.queryByTestId('calibration-stale')).toBeNull();

    // A threshold past the next grade's is refused, with the reason: 40 → 75, where grade A starts.
    within(sweep).getByRole('slider', { name: 'Fit threshold to try' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(within(sweep).getByRole('button', { name: 'Use this threshold (75)' })).toBeDisabled();
    expect(within(sweep).getByTestId('calibration-threshold-why')).toHaveTextContent('Fit grade A starts at 75: fit grade B must start below it.');
    expect(agreement().scoring.fitThresholds.B).toBe(50);
  });

  it('Remove and Change points edit the rule in the agreement, one undo step each, and the criterion loses its agreed state', async () => {
    const { agreement, stores, story, user } = await room();
    const rules = await screen.findByRole('table', { name: 'Conversion with and without each rule' });
    const before = agreement();
    expect(itemOf(before, 'icp-year')!.state).toBe('agreed');

    await user.click(within(rules).getByRole('button', { name: 'Change points of First contact in 2024' }));
    const points = await screen.findByRole('textbox', { name: 'Points for First contact in 2024' });
    await user.clear(points);
    await user.paste('30');
    await user.click(screen.getByRole('button', { name: 'Use 30 points' }));
    expect(agreement().icp[0]!.points).toBe(30);
    expect(stores.editor.getState().past.length).toBe(1);
    expect(itemOf(agreement(), 'icp-year')!.state).toBe('proposed');
    expect(itemOf(agreement(), 'icp-year')!.positions).toEqual({ marketing: 'changed-agree', sales: 'changed-agree' });
    expect(screen.getByTestId('calibration-edit')).toHaveTextContent('Changed in the agreement: Criterion “First contact in 2024”: 30 points (was 50)');
    expect(screen.getByTestId('calibration-stale')).toBeInTheDocument();
    // The editor's own undo (Ctrl+Z in the workshop): one step back.
    stores.editor.getState().undo();
    expect(agreement()).toBe(before);
    expect(itemOf(agreement(), 'icp-year')!.state).toBe('agreed');

    await user.click(within(rules).getByRole('button', { name: 'Remove First contact in 2024' }));
    expect(agreement().icp).toEqual([]);
    expect(stores.editor.getState().past.length).toBe(1);
    expect(itemOf(agreement(), 'icp-year')).toBeUndefined();
    expect(screen.getByTestId('calibration-edit')).toHaveTextContent('Criterion “First contact in 2024” removed');
    expect(within(rules).getByText('No longer in the agreement')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo this change' }));
    expect(agreement()).toBe(before);
    expect(itemOf(agreement(), 'icp-year')!.state).toBe('agreed');

    // Precision, recall and lift in plain words under the figures.
    // Independently from the rows: the leads of November and December 2025 are too recent and left out; the rule passes the 2024 leads.
    const judged = story.leads.filter((lead) => !/\.(11|12)\.2025$/.test(lead.date));
    const passed = judged.filter((lead) => lead.year === '2024');
    const per100 = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
    const plain = await screen.findByTestId('calibration-plain');
    expect(plain).toHaveTextContent(`Of 100 leads the rule passes, ${per100(passed.filter((lead) => lead.won).length, passed.length)} convert; without the rule, ${per100(judged.filter((lead) => lead.won).length, judged.length)} do.`);
    expect(plain).toHaveTextContent(`It catches ${per100(passed.filter((lead) => lead.won).length, judged.filter((lead) => lead.won).length)} of every 100 leads that convert.`);
  });
});
