import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CalibrationPanel } from '../../../../renderer/features/calibration/CalibrationPanel';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { StoresProvider } from '../../../../renderer/store/stores';
import { readOutcomeFile } from '../../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import { windowStory } from '../../../support/calibration-window-story';
import { freshDatabase } from '../../support/render-app';

async function* chunksOf(text: string) {
  yield text;
}

describe('CalibrationPanel: leads too recent to judge', () => {
  it('leaves them out by default, says how many, counts them with the switch, and marks the rule whose verdict changes', async () => {
    const story = windowStory();
    const outcomes = await readOutcomeFile(chunksOf(story.deals), story.mapping, 'deals.csv');
    const result = await runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: chunksOf(story.export_), asOf: '2026-01-15' });
    const stores = createAppStores(freshDatabase());
    stores.calibration.setState({ workshopId: 'w1', mapping: story.mapping, result, status: 'done', stored: { ranAt: Date.UTC(2026, 0, 15), files: { leads: 'leads.csv', accounts: null, outcome: 'deals.csv' } } });
    render(
      <MantineProvider env="test">
        <StoresProvider stores={stores}>
          <CalibrationPanel agreement={story.agreement} onClose={() => {}} />
        </StoresProvider>
      </MantineProvider>,
    );
    const user = userEvent.setup();
    // Independently: 600 leads; the 200 of November and December 2025 are younger than 60 days at 31.12.2025.
    const recent = story.leads.filter((lead) => /\.(11|12)\.2025$/.test(lead.date)).length;
    const results = screen.getByTestId('calibration-results');
    expect(within(results).getByTestId('calibration-recency')).toHaveTextContent(`${recent} leads too recent to judge are left out`);
    expect(within(results).getByText('Rows scored').parentElement).toHaveTextContent(`Rows scored${story.leads.length - recent}${story.leads.length} read, 0 skipped, ${recent} too recent`);
    const rules = within(results).getByRole('table', { name: 'Conversion with and without each rule' });
    expect(rules).toHaveTextContent('Does not predict');
    expect(within(rules).getByTestId('calibration-recency-mark')).toHaveTextContent('With the recent leads: Predicts success');
    expect(within(results).getByTestId('calibration-recency')).toHaveTextContent('The verdict on First contact in 2024 changes with this switch');
    expect(screen.getByText(/Last run .* on leads\.csv, outcome from deals\.csv\./)).toBeInTheDocument();

    await user.click(within(results).getByRole('switch', { name: `Count the ${recent} leads too recent to judge` }));
    expect(within(results).getByTestId('calibration-recency')).toHaveTextContent(`${recent} leads too recent to judge are counted`);
    expect(within(results).getByText('Rows scored').parentElement).toHaveTextContent(`Rows scored${story.leads.length}${story.leads.length} read, 0 skipped`);
    expect(rules).toHaveTextContent('Predicts success');
    expect(within(rules).getByTestId('calibration-recency-mark')).toHaveTextContent('Without the recent leads: Does not predict');
  });

  it('says why recency was not judged when no date column is mapped', async () => {
    const story = windowStory();
    story.mapping.date = null;
    const outcomes = await readOutcomeFile(chunksOf(story.deals), story.mapping, 'deals.csv');
    const result = await runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: chunksOf(story.export_), asOf: '2026-01-15' });
    const stores = createAppStores(freshDatabase());
    stores.calibration.setState({ workshopId: 'w1', mapping: story.mapping, result, status: 'done', stored: { ranAt: 1, files: { leads: 'leads.csv', accounts: null } } });
    render(
      <MantineProvider env="test">
        <StoresProvider stores={stores}>
          <CalibrationPanel agreement={story.agreement} onClose={() => {}} />
        </StoresProvider>
      </MantineProvider>,
    );
    expect(screen.getByTestId('calibration-recency')).toHaveTextContent('Too recent to judge: not checkedNo date column is mapped: map the leads’ created date to see which leads were too recent to have converted.');
    expect(screen.queryByRole('switch', { name: /too recent/ })).toBeNull();
  });
});
