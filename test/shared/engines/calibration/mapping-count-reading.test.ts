import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRowMapper } from '../../../../shared/engines/calibration/mapping';
import { compileScoring } from '../../../../shared/engines/scoring/scoring';
import { calibrationSamples } from '../../../../shared/templates/samples';

// The X Education export's columns, as its CSV header writes them.
const header = ['Prospect ID', 'Lead Origin', 'Lead Source', 'Do Not Email', 'Converted', 'TotalVisits', 'Total Time Spent on Website', 'Page Views Per Visit', 'Last Activity', 'Country', 'Specialization', 'What is your current occupation'];
const sample = calibrationSamples.find((entry) => entry.id === 'xeducation')!;

describe('counts written as plain digits (read without a number conversion per cell)', () => {
  it('reads every count of digits with at most one decimal point as the number it writes', () => {
    const model = compileScoring(sample.agreement(), { asOf: '2026-11-25' });
    const mapper = compileRowMapper(model, sample.mapping, header, null);
    const visits = model.signals.findIndex((signal) => signal.key === 'totalVisits');
    const pageViews = model.signals.findIndex((signal) => signal.key === 'pageViewsPerVisit');
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    // Short and long (past 15 digits the number is no longer exact as digits), with and without a fraction.
    const count = fc.oneof(digits(1, 20), fc.tuple(digits(1, 9), digits(1, 12)).map(([whole, fraction]) => `${whole}.${fraction}`));
    fc.assert(
      fc.property(count, count, (first, second) => {
        const reason = mapper.map(['id', 'API', 'Google', 'No', '1', first, '10', second, 'Email Opened', 'India', 'Finance Management', 'Student']);
        expect(reason).toBe(null);
        // Number() is how JavaScript reads a decimal text: correctly rounded.
        expect(mapper.row.counts[visits]).toBe(Number(first));
        expect(mapper.row.counts[pageViews]).toBe(Number(second));
      }),
      { numRuns: 2000 },
    );
  });
});
