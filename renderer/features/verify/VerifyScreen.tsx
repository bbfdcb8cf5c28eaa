import '../../components/mantine-ui-styles';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconFileSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { VerifyOutcome } from '../../store/file-actions';
import { HashComparison, SignatureList, type VerifyStatus } from './HashComparison';
import { useFileActions, useNavigation } from '../../store/stores';

const tone: Record<VerifyStatus, string> = { intact: 'teal', 'not-whole-document': 'yellow', modified: 'red', 'several-seals': 'red', damaged: 'red', 'not-sealed': 'gray', 'not-pdf': 'gray' };
const headline: Record<VerifyStatus, string> = {
  intact: 'Intact',
  'not-whole-document': 'Intact, but something was added after sealing',
  modified: 'Changed after sealing',
  damaged: 'Damaged',
  'not-sealed': 'Not sealed',
  'not-pdf': 'Not a PDF',
  'several-seals': 'More than one signature: changed after sealing',
};

/** Opens any exported PDF and says whether it is intact, who sealed it, which version it is. */
export function VerifyScreen() {
  const verifyPdf = useFileActions().verifyPdf;
  const navigate = useNavigation((state) => state.navigate);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setOutcome(null);
    verifyPdf(file)
      .then(setOutcome, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => setBusy(false));
  };
  const report = outcome?.report;
  return (
    <section className="accord-content" aria-labelledby="verify-title">
      <Title order={1} id="verify-title">
        Verify a PDF
      </Title>
      <Text c="dimmed" size="lg" mt={6} mb="xl">
        Open an agreement exported by Accord to check that it is exactly as it was sealed, who sealed it, and which version it is.
      </Text>
      <Card
        withBorder
        radius="lg"
        padding="xl"
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          check(event.dataTransfer.files[0]);
        }}
      >
        <Stack align="center" gap="sm">
          <IconFileSearch size={44} stroke={1.4} aria-hidden />
          <Text>Drop a PDF here, or</Text>
          <Button onClick={() => input.current?.click()}>Choose a PDF…</Button>
          <input ref={input} type="file" accept="application/pdf,.pdf" hidden aria-label="PDF to verify" data-testid="verify-input" onChange={(event) => check(event.currentTarget.files?.[0])} />
        </Stack>
      </Card>
      {busy && (
        <Group justify="center" mt="xl">
          <Loader aria-label="Verifying" />
        </Group>
      )}
      {error && (
        <Alert color="red" mt="xl" icon={<IconAlertTriangle />} title="Could not verify">
          {error}
        </Alert>
      )}
      {report && outcome && (
        <Alert
          mt="xl"
          color={tone[report.status]}
          icon={report.status === 'intact' ? <IconCircleCheck /> : report.status === 'not-whole-document' ? <IconAlertTriangle /> : <IconCircleX />}
          title={`${outcome.fileName}: ${headline[report.status]}`}
          data-testid="verify-result"
        >
          <Stack gap="sm">
            <Text>{report.message}</Text>
            <Table fz="sm" aria-label="What the seal says">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>Sealed by</Table.Th>
                  <Table.Td>{report.signer ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Sealed at</Table.Th>
                  <Table.Td>{report.signedAt ?? '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Covers the whole file</Table.Th>
                  <Table.Td>{report.coversWholeFile ? 'Yes' : 'No'}</Table.Td>
                </Table.Tr>
                {report.embedded && (
                  <>
                    <Table.Tr>
                      <Table.Th>Agreement</Table.Th>
                      <Table.Td>
                        {report.embedded.title} · {report.embedded.client} · version {report.embedded.versionNumber ?? '—'} ({report.embedded.versionStatus ?? '—'})
                      </Table.Td>
                    </Table.Tr>
                    <HashComparison embedded={report.embedded} />
                  </>
                )}
                <Table.Tr>
                  <Table.Th>In this library</Table.Th>
                  <Table.Td>
                    {outcome.libraryMatch ? (
                      <Anchor component="button" onClick={() => navigate({ screen: 'workshop', workshopId: outcome.libraryMatch!.workshopId })}>
                        {outcome.libraryMatch.title}, version {outcome.libraryMatch.versionNumber} ({outcome.libraryMatch.status})
                      </Anchor>
                    ) : (
                      'No version in this library has this content.'
                    )}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            {report.signatures && <SignatureList signatures={report.signatures} />}
            <Text size="sm">A seal made with Accord’s own certificate proves the file is unchanged since it was sealed; it does not prove the sealer’s identity to a third party (no certificate authority vouches for it).</Text>
          </Stack>
        </Alert>
      )}
    </section>
  );
}
