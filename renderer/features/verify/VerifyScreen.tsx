import '../../components/mantine-ui-styles';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconFileSearch, IconShieldCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { sealOriginText, type SealOrigin } from '../../../shared/model/seal-origin';
import { SealFingerprint } from '../../components/SealFingerprint';
import { notify } from '../../components/notify';
import type { VerifyOutcome } from '../../store/file-actions';
import { HashComparison, SignatureList, type VerifyStatus } from './HashComparison';
import { trustSealAs } from '../../store/seal-actions';
import { useFileActions, useNavigation } from '../../store/stores';
import { formatDateTime } from '../../../shared/text/datetime';

const tone: Record<VerifyStatus, string> = { intact: 'teal', 'not-whole-document': 'red', modified: 'red', 'several-seals': 'red', damaged: 'red', 'not-sealed': 'gray', 'not-pdf': 'gray' };
const headline: Record<VerifyStatus, string> = {
  intact: 'Intact',
  // Never "intact, but…": an update after the seal can change every page a viewer shows (incremental update, shadow attacks).
  'not-whole-document': 'Changed after sealing: an update was added',
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
    setOrigin(undefined);
    verifyPdf(file)
      .then(setOutcome, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => setBusy(false));
  };
  const report = outcome?.report;
  const [origin, setOrigin] = useState<SealOrigin | undefined>(undefined);
  const shownOrigin = origin ?? report?.origin;
  const certificateName = report?.certificate?.subject || report?.signer || 'no name';
  const onTrusted = (trusted: SealOrigin) => setOrigin(trusted);
  // An intact file from an unknown certificate is not the all-clear: anyone can make one with the name it carries.
  const unknownSeal = report?.status === 'intact' && report.certificate !== undefined && shownOrigin?.kind === 'unknown';
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
          color={unknownSeal ? 'yellow' : tone[report.status]}
          icon={report.status === 'intact' ? <IconCircleCheck /> : report.status === 'not-whole-document' ? <IconAlertTriangle /> : <IconCircleX />}
          title={`${outcome.fileName}: ${headline[report.status]}${unknownSeal ? ', sealed by an unknown certificate' : ''}`}
          data-testid="verify-result"
        >
          <Stack gap="sm">
            <Text>{report.message}</Text>
            <Table fz="sm" aria-label="What the seal says">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>Sealed by</Table.Th>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      {report.certificate && shownOrigin?.kind !== 'unknown' && shownOrigin && <IconShieldCheck size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
                      {report.certificate && (!shownOrigin || shownOrigin.kind === 'unknown') && <IconAlertTriangle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
                      <Text inherit fw={report.certificate && shownOrigin?.kind !== 'this-computer' ? 700 : undefined} data-testid="verify-origin">
                        {report.certificate ? (shownOrigin ? sealOriginText(shownOrigin, certificateName) : `Cannot be judged: ${report.originProblem ?? 'this computer’s seals were not consulted.'}`) : report.signer ? `${report.signer} (no certificate could be read)` : '—'}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {report.certificate && (
                  <>
                    <Table.Tr>
                      <Table.Th>Certificate</Table.Th>
                      <Table.Td>{certificateName}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>SHA-256 fingerprint</Table.Th>
                      <Table.Td>
                        <SealFingerprint fingerprint={report.certificate.fingerprint} testId="verify-fingerprint" />
                      </Table.Td>
                    </Table.Tr>
                  </>
                )}
                <Table.Tr>
                  <Table.Th>Sealed at</Table.Th>
                  <Table.Td>{report.signedAt ? formatDateTime(report.signedAt) : '—'}</Table.Td>
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
            {report.status === 'intact' && report.certificate && shownOrigin?.kind === 'unknown' && <TrustSeal key={report.certificate.fingerprint} fingerprint={report.certificate.fingerprint} onTrusted={onTrusted} />}
            <Text size="sm">An intact seal proves the file is unchanged since it was sealed by the certificate with this fingerprint. It does not prove who holds that certificate: only a fingerprint you checked with its owner (this computer’s own, or one you trusted) tells you that.</Text>
          </Stack>
        </Alert>
      )}
    </section>
  );
}

/** "Trust this seal": a name for whoever holds the certificate, then a confirmation; the fingerprint is what is trusted, never the name. */
function TrustSeal({ fingerprint, onTrusted }: { fingerprint: string; onTrusted: (origin: SealOrigin) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trust = async () => {
    setBusy(true);
    setError(null);
    try {
      const trusted = await trustSealAs(fingerprint, name);
      notify({ message: `Seals with this fingerprint now verify as sealed by ${trusted.name}.` });
      onTrusted({ kind: 'trusted', name: trusted.name, trustedOn: trusted.trustedOn });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)} data-testid="trust-seal">
          Trust this seal…
        </Button>
      </Group>
    );
  }
  return (
    <Card withBorder radius="md" padding="md" data-testid="trust-seal-form">
      <Stack gap="xs">
        <Text size="sm">
          Trust this seal only after checking its fingerprint with the person who sealed it (in person, or by phone), since anyone can make a certificate with any name. From then on, PDFs sealed with this fingerprint say “sealed by” the name you give here.
        </Text>
        {confirming ? (
          <>
            <Text fw={600}>Trust the certificate with this fingerprint as “{name.trim()}”?</Text>
            <Group>
              <Button onClick={() => void trust()} loading={busy}>
                Trust this seal
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                Back
              </Button>
            </Group>
          </>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim() === '') {
                setError('Give the seal a name: who it belongs to.');
                return;
              }
              setError(null);
              setConfirming(true);
            }}
          >
            <Stack gap="xs">
              <TextInput label="Whose seal is this?" description="The person or firm you checked the fingerprint with" value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={120} data-autofocus error={error} />
              <Group>
                <Button type="submit">Continue</Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {confirming && error && (
          <Alert color="red" title="Not trusted">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
