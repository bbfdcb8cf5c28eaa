import { describe, expect, it } from 'vitest';
import type { CalibrationMapping } from '../../../../shared/engines/calibration/mapping';
import { plainFigures } from '../../../../shared/engines/calibration/plain-figures';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import { chunksOf, industryAgreement as baseAgreement } from './industry-agreement';

/** The industry criterion is enough for grade B; every engagement level counts. */
function industryAgreement() {
  const agreement = baseAgreement();
  agreement.scoring.mqlRule = { minFitGrade: 'B', minEngagement: 1, fastTrackQualifies: true };
  return agreement;
}

/** A French Excel export: semicolons, CRLF, "Oui"/"Non". */
const mapping: CalibrationMapping = { version: 1, emptyValues: [], attributes: { industry: { column: 'Secteur' } }, signals: {}, outcome: { column: 'Gagné', success: ['Oui'], failure: ['Non'] } };
const exportOf = (rows: { industry: string; won: boolean }[]) => ['Secteur;Gagné', ...rows.map((row) => `${row.industry};${row.won ? 'Oui' : 'Non'}`)].join('\r\n');

/** Counted from the rows themselves, not from the engine. */
function countsOf(rows: { industry: string; won: boolean }[], passes: (row: { industry: string }) => boolean) {
  return { scored: rows.length, positives: rows.filter((row) => row.won).length, mqls: rows.filter(passes).length, truePositives: rows.filter((row) => passes(row) && row.won).length };
}

describe('precision, recall and lift in plain words', () => {
  it('says the figures of a real run as counts per 100, with the base rate as “without the rule”', async () => {
    // 200 Software leads (28 won), 200 Retail leads (14 won).
    const rows = [...Array.from({ length: 200 }, (_, index) => ({ industry: 'Software', won: index % 50 < 7 })), ...Array.from({ length: 200 }, (_, index) => ({ industry: 'Retail', won: index % 100 < 7 }))];
    const result = await runCalibration({ agreement: industryAgreement(), mapping, chunks: chunksOf(exportOf(rows)), asOf: '2026-11-23' });
    const counts = countsOf(rows, (row) => row.industry === 'Software');
    expect(counts).toEqual({ scored: 400, positives: 42, mqls: 200, truePositives: 28 });
    // 28 of 200 = 14 per 100; 42 of 400 = 10.5 per 100; 28 of 42 = 66.7 per 100; 14 / 10.5 = 1.33.
    const per100 = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
    expect([per100(counts.truePositives, counts.mqls), per100(counts.positives, counts.scored), per100(counts.truePositives, counts.positives)]).toEqual([14, 10.5, 66.7]);
    const sentences = plainFigures(result);
    expect(sentences).toEqual({
      precision: 'Of 100 leads the rule passes, 14 convert; without the rule, 10.5 do.',
      recall: 'It catches 66.7 of every 100 leads that convert.',
      lift: 'Leads the rule passes convert 1.33 times as often as leads overall.',
    });
    // The same sentences from the counts alone (what the document passes).
    expect(plainFigures(counts)).toEqual(sentences);
  });

  it('says “no data” with the reason when a figure cannot be computed, never “0 of 100”', async () => {
    // No lead is in Software: no lead passes the rule.
    const retail = Array.from({ length: 60 }, (_, index) => ({ industry: 'Retail', won: index % 6 === 0 }));
    const none = plainFigures(await runCalibration({ agreement: industryAgreement(), mapping, chunks: chunksOf(exportOf(retail)), asOf: '2026-11-23' }));
    expect(none.precision).toBe('No data: no lead passes the rule, so there is no conversion to show.');
    expect(none.lift).toBe('No data: no lead passes the rule, so there is no lift.');
    // 10 of the 60 converted, none of them passes: a measured zero, said in words.
    expect(countsOf(retail, (row) => row.industry === 'Software')).toEqual({ scored: 60, positives: 10, mqls: 0, truePositives: 0 });
    expect(none.recall).toBe('It catches none of the leads that convert.');

    // Nobody converted (the engine refuses such a run; a stored result or the document may still pass these counts): nothing to catch, no base rate.
    const lost = Array.from({ length: 40 }, (_, index) => ({ industry: index % 2 ? 'Software' : 'Retail', won: false }));
    const nobody = plainFigures(countsOf(lost, (row) => row.industry === 'Software'));
    expect(nobody).toEqual({
      precision: 'No data: no lead in the export converted, so there is no conversion to compare.',
      recall: 'No data: no lead in the export converted, so there is nothing for the rule to catch.',
      lift: 'No data: no lead in the export converted, so there is no base rate to compare with.',
    });

    // No row at all.
    const empty = plainFigures(countsOf([], () => true));
    expect(Object.values(empty).every((sentence) => sentence === 'No data: no lead was scored, so there is nothing to compare.')).toBe(true);
    for (const sentence of [...Object.values(none), ...Object.values(nobody), ...Object.values(empty)]) expect(sentence).not.toMatch(/\b0 (of|convert)/);
  });

  it('never rounds a share above zero down to 0, and the MQLs that all convert read as 100', () => {
    expect(plainFigures({ scored: 100_000, positives: 30, mqls: 20_000, truePositives: 1 })).toMatchObject({ precision: 'Of 100 leads the rule passes, fewer than 0.1 convert; without the rule, fewer than 0.1 do.' });
    expect(plainFigures({ scored: 10, positives: 5, mqls: 5, truePositives: 5 })).toEqual({ precision: 'Of 100 leads the rule passes, 100 convert; without the rule, 50 do.', recall: 'It catches 100 of every 100 leads that convert.', lift: 'Leads the rule passes convert 2 times as often as leads overall.' });
  });
});
