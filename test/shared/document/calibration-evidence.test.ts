import { describe, expect, it } from 'vitest';
import { calibrationEvidence, type CalibrationRun } from '../../../shared/document/calibration-evidence';
import { buildAgreementDocument } from '../../../shared/document/document';
import { renderHtml } from '../../../shared/document/html';
import { renderMarkdown } from '../../../shared/document/markdown';
import { readOutcomeFile } from '../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../shared/engines/calibration/run';
import { proposedConsensus } from '../../../shared/model/consensus';
import { windowStory } from '../../support/calibration-window-story';

// Real runs: the German Excel export of the window story (semicolons, DD.MM.YYYY, the won deals in a second file).
async function* chunksOf(text: string, size = 4096) {
  for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

async function storyRun(change?: (story: ReturnType<typeof windowStory>) => void): Promise<CalibrationRun> {
  const story = windowStory();
  change?.(story);
  const outcomes = await readOutcomeFile(chunksOf(story.deals), story.mapping, 'abschluesse.csv');
  const result = await runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: chunksOf(story.export_), asOf: '2026-01-15' });
  return { result, files: { leads: 'leads.csv', accounts: null, outcome: 'abschluesse.csv' } };
}

describe('calibrationEvidence: which calibration runs the signed PDF may print', () => {
  it('prints a usable run: the facts the calibration part shows', async () => {
    const run = await storyRun();
    // Independently: the story has 600 leads and 100 won, and its one rule scores points (it knocks nobody out).
    expect(run.result!.scored).toBeGreaterThan(0);
    expect(run.result!.positives).toBeGreaterThan(0);
    const evidence = calibrationEvidence(run);
    expect(evidence.printable).toBe(true);
    if (evidence.printable) expect(evidence.rows.find(([label]) => label === 'Rows')?.[1]).toMatch(/^600 read, \d+ scored/);
  });

  it('never prints a run where one rule knocked out most leads', async () => {
    // A must-have on the year column asking for a year no lead has: every lead is knocked out.
    const run = await storyRun((story) => story.agreement.icp.push({ id: 'icp-2019', attribute: 'firstContactYear', label: 'First contact in 2019', match: { kind: 'in', values: ['2019'] }, effect: 'must-have', points: null, rationale: '', consensus: proposedConsensus() }));
    const evidence = calibrationEvidence(run);
    expect(evidence).toMatchObject({ printable: false, reason: 'knocked-out' });
    if (!evidence.printable) expect(evidence.message).toContain('“First contact in 2019”');
  });

  it('never prints a failed run, a run that scored no lead, one without any success, or no run at all', async () => {
    const good = await storyRun();
    expect(calibrationEvidence({ ...good, error: 'The export has no column “Jahr”.' })).toMatchObject({ printable: false, reason: 'failed' });
    expect(calibrationEvidence({ ...good, result: { ...good.result!, scored: 0 } })).toMatchObject({ printable: false, reason: 'no-scored-leads' });
    expect(calibrationEvidence(null)).toMatchObject({ printable: false, reason: 'no-run' });
    expect(calibrationEvidence({ result: null, files: null })).toMatchObject({ printable: false, reason: 'no-run' });
    // A run in which no lead converted measures nothing (base rate 0, no lift).
    expect(calibrationEvidence({ ...good, result: { ...good.result!, positives: 0, baseRate: 0, truePositives: 0, precision: 0, recall: 0, lift: 0 } })).toMatchObject({ printable: false, reason: 'no-successes' });
  });

  it('the document carries the calibration part only when it was given printable evidence', async () => {
    const run = await storyRun();
    const evidence = calibrationEvidence(run);
    if (!evidence.printable) throw new Error('the story run should be printable');
    const context = { versionNumber: 1, status: 'draft' as const, signatures: [], history: [], generatedAt: '2026-01-15T10:00:00.000Z' };
    const { agreement } = windowStory();
    const withIt = buildAgreementDocument(agreement, { ...context, calibration: { rows: evidence.rows } });
    const without = buildAgreementDocument(agreement, context);
    expect(withIt.sections.at(-1)?.id).toBe('calibration');
    expect(renderHtml(withIt)).toContain('Calibration on the company’s own data');
    expect(renderMarkdown(withIt)).toContain('## Calibration on the company’s own data');
    expect(without.sections.some((section) => section.id === 'calibration')).toBe(false);
    expect(renderHtml(without)).not.toContain('Calibration on the company’s own data');
    expect(renderMarkdown(without)).not.toContain('Calibration on the company');
  });
});
