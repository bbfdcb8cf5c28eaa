import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ReadFirst } from '../../../../renderer/features/calibration/ExportValues';
import { readOutcomeFile } from '../../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import { decodeChunks, newTextReading } from '../../../../shared/engines/csv/decode';
import { windowStory } from '../../../support/calibration-window-story';
import { parseLibraryFile, serializeLibrary } from '../../../../shared/model/library-file';
import { sampleLibrary } from '../../../fixtures/library';

async function* once<T>(value: T) {
  yield value;
}

/** Calibrates the story's export from these bytes, decoded as the app does. */
async function calibrate(bytes: Uint8Array) {
  const story = windowStory();
  const reading = newTextReading();
  const outcomes = await readOutcomeFile(once(story.deals), story.mapping, 'deals.csv');
  return runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: decodeChunks(once(bytes), (encoding, options) => new TextDecoder(encoding, options), reading, 'leads.csv'), reading, asOf: '2026-01-15' });
}

const show = (result: Awaited<ReturnType<typeof calibrate>>) =>
  render(
    <MantineProvider env="test">
      <ReadFirst result={result} />
    </MantineProvider>,
  );

describe('calibration results: how the file was read comes before the figures', () => {
  it('warns about characters that could not be read, before any figure', async () => {
    const text = windowStory().export_;
    const cut = text.lastIndexOf('\n', text.length - 2) + 1;
    // A UTF-8 export with a BOM and two broken bytes at the start of its last line.
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.slice(0, cut)), 0xff, 0xfe, ...new TextEncoder().encode(text.slice(cut))]);
    show(await calibrate(bytes));
    expect(screen.getByTestId('calibration-file-read').textContent).toContain('2 characters could not be read and show as “�”');
  });

  it('says nothing alarming for a Windows-1252 export read right (the encoding is named with the file)', async () => {
    const lines = windowStory().export_.replace(/\n$/, '').split('\n');
    lines[lines.length - 1] = lines[lines.length - 1]!.replace(/^([^,;\t]*)/, '$1ü');
    const result = await calibrate(Uint8Array.from(`${lines.join('\n')}\n`, (char) => char.charCodeAt(0)));
    expect(result.read).toMatchObject({ encoding: 'windows-1252', switchedAtLine: lines.length, replacementCharacters: 0 });
    show(result);
    expect(screen.queryByTestId('calibration-file-read')).toBeNull();
  });

  it('names a translation no cell of its column has (a misspelling), before any figure', async () => {
    const story = windowStory();
    const years = new Set(story.export_.split('\n').slice(1).map((line) => line.split(/[,;\t]/)[story.export_.split('\n')[0]!.split(/[,;\t]/).indexOf('Jahr')]?.trim()));
    expect(years.has('2O24')).toBe(false);
    const reading = newTextReading();
    const mapping = { ...story.mapping, attributes: { firstContactYear: { column: 'Jahr', values: { '2O24': '2024' } } } };
    const outcomes = await readOutcomeFile(once(story.deals), mapping, 'deals.csv');
    const result = await runCalibration({ agreement: story.agreement, mapping, outcomes, chunks: decodeChunks(once(new TextEncoder().encode(story.export_)), (encoding, options) => new TextDecoder(encoding, options), reading, 'leads.csv'), reading, asOf: '2026-01-15' });
    show(result);
    expect(screen.getByTestId('calibration-unused-values').textContent).toContain('No cell of “Jahr” reads “2O24”: its translation to “2024” (firstContactYear) was never used.');
    // A result that says so is kept by a backup, as any other.
    const library = sampleLibrary();
    const record = { ...library.calibrations[0]!, mapping, result };
    const { text, leftOut } = serializeLibrary({ ...library, calibrations: [record] }, { exportedAt: new Date('2026-11-23T10:00:00Z'), appVersion: '1.2.3' });
    expect(leftOut).toEqual([]);
    expect(parseLibraryFile(text).calibrations[0]!.result!.columns![0]!.unusedValues).toEqual([{ value: '2O24', use: { kind: 'translation', attribute: 'firstContactYear', to: '2024' } }]);
  });
});

