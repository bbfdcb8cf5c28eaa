// The Verify screen's rows that say which hashes were compared (HashComparison) and
// the list of every signature in a file that carries more than one (SignatureList):
// each says what was found, never more: a hash that is absent is "None recorded",
// not "The same"; a different one is printed so the person can compare it.
import { MantineProvider, Table } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import { HashComparison, SignatureList } from '../../../../renderer/features/verify/HashComparison';

type Embedded = ComponentProps<typeof HashComparison>['embedded'];
const computed = 'a'.repeat(64);
const other = 'b'.repeat(64);

function embedded(overrides: Partial<Embedded>): Embedded {
  return { title: 'Acme pipeline', client: 'Acme GmbH', versionNumber: 1, versionStatus: 'signed', computedHash: computed, metadataHash: computed, printedOnPages: true, attachmentRecordedHash: computed, hashMatches: true, ...overrides };
}

function rows(value: Embedded) {
  render(
    <MantineProvider>
      <Table>
        <Table.Tbody>
          <HashComparison embedded={value} />
        </Table.Tbody>
      </Table>
    </MantineProvider>,
  );
  const row = (heading: string) => screen.getByText(heading, { selector: 'th' }).closest('tr')!;
  return {
    content: within(row('Content SHA-256 of the attached agreement')).getByRole('cell').textContent,
    metadata: within(row('In the document’s metadata (Subject)')).getByRole('cell').textContent,
    pages: within(row('Printed on the pages')).getByRole('cell').textContent,
    attachment: within(row('Recorded in the attachment')).getByRole('cell').textContent,
  };
}

describe('which hashes Verify compared', () => {
  it('an intact export: every place holds the recomputed hash', () => {
    expect(rows(embedded({}))).toEqual({ content: `${computed} (recomputed from the attachment)`, metadata: 'The same', pages: 'Yes, in full (found in the page text)', attachment: 'The same' });
  });

  it('a different hash is printed in full; a missing one is "None recorded", never "The same"', () => {
    expect(rows(embedded({ metadataHash: other, attachmentRecordedHash: null, printedOnPages: false, hashMatches: false }))).toEqual({
      content: `${computed} (recomputed from the attachment)`,
      metadata: `Different: ${other}`,
      pages: 'No: the page text does not show it',
      attachment: 'None recorded',
    });
  });
});

describe('every signature of a file with more than one', () => {
  it('each on its own line: field, signer and fingerprint in pairs, valid or not, whole file or not; an unreadable signer said', () => {
    const fingerprint = '0123456789abcdef'.repeat(4);
    render(
      <MantineProvider>
        <SignatureList
          signatures={[
            { field: 'Signature1', signer: 'Accord (this computer)', fingerprint, byteRange: [0, 10, 20, 30], valid: true, coversWholeFile: false },
            { field: 'Signature2', signer: null, fingerprint: null, byteRange: null, valid: false, coversWholeFile: true },
          ]}
        />
      </MantineProvider>,
    );
    const lines = within(screen.getByRole('table', { name: 'Signatures in this file' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    const pairs = fingerprint.toUpperCase().match(/../g)!.join(':');
    expect(lines).toEqual([
      ['Signature1', `Accord (this computer) · ${pairs}`, 'Valid over its byte range', 'No'],
      ['Signature2', 'Unreadable', 'Not valid', 'Yes'],
    ]);
  });
});
