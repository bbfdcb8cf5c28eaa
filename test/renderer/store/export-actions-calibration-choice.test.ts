import { describe, expect, it } from 'vitest';
import { readOutcomeFile } from '../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../shared/engines/calibration/run';
import { proposedConsensus } from '../../../shared/model/consensus';
import { calibrationChoice } from '../../../renderer/store/export-actions';
import { windowStory } from '../../support/calibration-window-story';

async function* chunksOf(text: string, size = 4096) {
  for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

async function run(knockOut: boolean) {
  const story = windowStory();
  if (knockOut) story.agreement.icp.push({ id: 'icp-2019', attribute: 'firstContactYear', label: 'First contact in 2019', match: { kind: 'in', values: ['2019'] }, effect: 'must-have', points: null, rationale: '', consensus: proposedConsensus() });
  const outcomes = await readOutcomeFile(chunksOf(story.deals), story.mapping, 'abschluesse.csv');
  const result = await runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: chunksOf(story.export_), asOf: '2026-01-15' });
  return { result, files: { leads: 'leads.csv', accounts: null, outcome: 'abschluesse.csv' } };
}

describe('the export checkbox for the calibration result', () => {
  it('is on by default for a usable run, off when unticked, and never on for a knocked-out run', async () => {
    const usable = await run(false);
    expect(calibrationChoice(usable, null)).toMatchObject({ include: true, evidence: { printable: true } });
    expect(calibrationChoice(usable, null).calibration?.rows.length).toBeGreaterThan(3);
    expect(calibrationChoice(usable, false)).toMatchObject({ include: false, calibration: undefined });
    const knockedOut = await run(true);
    // Ticked or not, a knocked-out run is not printed.
    expect(calibrationChoice(knockedOut, true)).toMatchObject({ include: false, calibration: undefined, evidence: { printable: false, reason: 'knocked-out' } });
    expect(calibrationChoice(knockedOut, null).calibration).toBeUndefined();
    expect(calibrationChoice({ ...usable, error: 'The worker failed.' }, true).calibration).toBeUndefined();
  });
});
