import { Table, Text } from '@mantine/core';
import { formatFingerprint } from '../../../shared/model/seal-origin';
import type { VerifyOutcome } from '../../store/file-actions';

type Report = VerifyOutcome['report'];
type Embedded = NonNullable<Report['embedded']>;

/** What Verify can say about a PDF (one home: the IPC contract's schema). */
export type VerifyStatus = Report['status'];

/**
 * Rows saying exactly which hashes were compared: the attached agreement's
 * content hash recomputed, against the document's metadata, the page text and
 * the attachment's own record, all read from the bytes the seal signs.
 */
export function HashComparison({ embedded }: { embedded: Embedded }) {
  const same = (hash: string | null) => (hash === null ? 'None recorded' : hash === embedded.computedHash ? 'The same' : `Different: ${hash}`);
  return (
    <>
      <Table.Tr>
        <Table.Th>Content SHA-256 of the attached agreement</Table.Th>
        <Table.Td style={{ wordBreak: 'break-all' }} data-testid="verify-content-hash">
          {embedded.computedHash} (recomputed from the attachment)
        </Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Th>In the document’s metadata (Subject)</Table.Th>
        <Table.Td data-testid="verify-metadata-hash" style={{ wordBreak: 'break-all' }}>
          {same(embedded.metadataHash)}
        </Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Th>Printed on the pages</Table.Th>
        <Table.Td data-testid="verify-pages-hash">{embedded.printedOnPages ? 'Yes, in full (found in the page text)' : 'No: the page text does not show it'}</Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Th>Recorded in the attachment</Table.Th>
        <Table.Td style={{ wordBreak: 'break-all' }}>{same(embedded.attachmentRecordedHash)}</Table.Td>
      </Table.Tr>
    </>
  );
}

/** Every signature of a file that carries more than one, each checked on its own. */
export function SignatureList({ signatures }: { signatures: NonNullable<Report['signatures']> }) {
  return (
    <>
      <Text fw={600}>Signatures in this file</Text>
      <Table fz="sm" aria-label="Signatures in this file" data-testid="verify-signatures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Certificate</Table.Th>
            <Table.Th>Signature</Table.Th>
            <Table.Th>Covers the whole file</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {signatures.map((signature, index) => (
            <Table.Tr key={`${signature.field}-${index}`}>
              <Table.Td>{signature.field}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {signature.signer ?? 'Unreadable'}
                {signature.fingerprint ? ` · ${formatFingerprint(signature.fingerprint)}` : ''}
              </Table.Td>
              <Table.Td>{signature.valid ? 'Valid over its byte range' : 'Not valid'}</Table.Td>
              <Table.Td>{signature.coversWholeFile ? 'Yes' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
