import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ReadFirst } from '../../../../renderer/features/calibration/ExportValues';
import { readOutcomeFile } from '../../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import { decodeChunks, newTextReading } from '../../../../shared/engines/csv/decode';
import { windowStory } from '../../../support/calibration-window-story';

async function* once<T>(value: T) {
  yield value;
}

describe('calibration results: how the file was read comes before the figures', () => {
  it('names the line from which a Windows-1252 export was read as such', async () => {
    const story = windowStory();
    const lines = story.export_.replace(/\n$/, '').split('\n');
    // An accent in the last line's first cell only: every line before it is ASCII.
    lines[lines.length - 1] = `${lines[lines.length - 1]!} `.replace(/^([^,;\t]*)/, '$1ü').trimEnd();
    const bytes = Uint8Array.from(`${lines.join('\n')}\n`, (char) => char.charCodeAt(0));
    const reading = newTextReading();
    const outcomes = await readOutcomeFile(once(story.deals), story.mapping, 'deals.csv');
    const result = await runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: decodeChunks(once(bytes), (encoding, options) => new TextDecoder(encoding, options), reading, 'leads.csv'), reading, asOf: '2026-01-15' });
    expect(result.read?.encoding).toBe('windows-1252');
    render(
      <MantineProvider env="test">
        <ReadFirst result={result} />
      </MantineProvider>,
    );
    expect(screen.getByTestId('calibration-file-read').textContent).toContain(`Read as Windows-1252: the first character that is not UTF-8 is on line ${lines.length.toLocaleString('en-US')}.`);
  });
});
