// The document preview's own decisions, without the e2e: whether the room may
// choose to print the calibration result (only a run that may be printed can be
// ticked; a run that may not says why; no run shows no choice at all), and what an
// unsigned document says where the signatures go.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import { DocumentPreview } from '../../../../renderer/features/preview/DocumentPreview';
import { blankAgreement } from '../../../../shared/model/blank-agreement';

type Props = ComponentProps<typeof DocumentPreview>;
const context = { versionNumber: 1, status: 'draft', signatures: [], history: [], generatedAt: '2026-11-23T10:00:00.000Z' } as Props['context'];

function preview(calibration?: Props['calibration']) {
  render(
    <MantineProvider>
      <DocumentPreview agreement={blankAgreement('Acme pipeline', 'Acme GmbH')} context={context} calibration={calibration} onClose={() => {}} onExportPdf={() => {}} />
    </MantineProvider>,
  );
  return screen.queryByRole('checkbox', { name: 'Print the calibration result in the PDF' });
}

describe('the document preview', () => {
  it('offers to print a calibration result that may be printed, and passes the choice on; an unsigned draft says so', () => {
    const choices: boolean[] = [];
    const box = preview({ evidence: { printable: true, rows: [['Leads scored', '4,812']] }, include: false, onChange: (include) => choices.push(include) });
    expect(box).not.toBe(null);
    expect(box).toBeEnabled();
    expect(box).not.toBeChecked();
    fireEvent.click(box!);
    expect(choices).toEqual([true]);
    // An unsigned draft says so where the signatures go.
    expect(screen.getByText('Not signed yet.')).toBeInTheDocument();
    expect(screen.getByText('No earlier versions.')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Agreement document' })).toHaveTextContent('Acme GmbH');
  });

  it('a run that may not be printed: the choice is shown disabled, with the reason', () => {
    const message = 'No lead in the file was scored: check the mapping of the first columns.';
    const box = preview({ evidence: { printable: false, reason: 'no-scored-leads', message }, include: false, onChange: () => {} });
    expect(box).toBeDisabled();
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('no calibration run: no choice is shown', () => {
    expect(preview({ evidence: { printable: false, reason: 'no-run', message: 'No calibration was run.' }, include: false, onChange: () => {} })).toBe(null);
    expect(screen.queryByText('No calibration was run.')).toBe(null);
  });
});
