import '../../components/mantine-ui-styles';
import { Alert, Badge, Button, Card, Code, Drawer, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileExport, IconFileTypePdf, IconFolderOpen, IconLock, IconSignature } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import type { Agreement, Participant } from '../../../shared/model/agreement';
import { consensusBlocker, readiness } from '../../../shared/model/agreement-rules';
import { agreedOnText, consensusHistory } from '../../../shared/model/consensus-history';
import { diffAgreements } from '../../../shared/document/diff';
import { sections } from '../../../shared/model/sections';
import { signatories } from '../../../shared/model/versions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusBadge } from '../../components/StatusBadge';
import { notify } from '../../components/notify';
import { lastSigned, signingVersion } from '../../store/versions-store';
import { useVersions } from '../../store/stores';
import { canShowInFolder, showFileInFolder } from '../../store/file-location';
import { SealCard } from './SealCard';
import { ContentFingerprint } from '../../components/ContentFingerprint';
import { formatDateTime } from '../../../shared/text/datetime';
import { SignatureModal } from './SignatureModal';
import { VersionSealCell } from './VersionSealCell';

/** A signing or locking moment in the workshop's time zone (the agreement's calendar; the computer's own without one). */
const whenIn = (timeZone: string | undefined) => (timestamp: number | string | null) => (timestamp === null ? '—' : formatDateTime(timestamp, timeZone));

/**
 * Signing, in turn, on this laptop; the lock when the last signatory has
 * signed; amendments with what changed since the signed version; every
 * version with who signed and when, re-checked against its hash.
 */
export function SigningPanel({ opened, onClose, agreement, workshopStatus, onExport, exporting = null, lastExport = null }: {
  opened: boolean;
  onClose: () => void;
  agreement: Agreement;
  workshopStatus: string;
  /** Runs an export of the workshop (the same action as its ⋯ menu). */
  onExport?: (kind: 'pdf-a4' | 'accord') => void;
  exporting?: string | null;
  /** The last file exported from this workshop, for "Show in folder". */
  lastExport?: { kind: string; path: string } | null;
}) {
  const versions = useVersions((state) => state.versions);
  const seals = useVersions((state) => state.seals);
  const when = whenIn(agreement.calendar?.timeZone);
  const sealProblem = useVersions((state) => state.sealProblem);
  const startSigning = useVersions((state) => state.startSigning);
  const cancelSigning = useVersions((state) => state.cancelSigning);
  const sign = useVersions((state) => state.sign);
  const amend = useVersions((state) => state.amend);
  const [signer, setSigner] = useState<Participant | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const signing = signingVersion({ versions });
  const signed = lastSigned({ versions });
  const check = useMemo(() => readiness(agreement), [agreement]);
  const changes = useMemo(() => (signed && workshopStatus === 'amended' ? diffAgreements(signed.agreement, agreement) : []), [signed, agreement, workshopStatus]);
  // What the amendment's changes did to the consensus: a changed item needs both sides again; an unchanged one keeps its agreement.
  const history = useMemo(() => (signed && workshopStatus === 'amended' ? consensusHistory(agreement, versions.filter((version) => version.status === 'signed' && version.intact)) : []), [signed, agreement, versions, workshopStatus]);
  const reconfirm = history.filter((entry) => entry.changedSinceSigned && entry.item.state !== 'agreed' && entry.item.state !== 'parked');
  const carried = history.filter((entry) => entry.agreedOnVersion !== null);
  const run = async (action: () => Promise<void>, success?: string) => {
    setBusy(true);
    try {
      await action();
      if (success) notify({ message: success });
    } catch (error) {
      notify({ tone: 'error', title: 'Not done', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title="Sign and lock">
      <Stack gap="lg">
        {signing ? (
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={3}>Version {signing.number}: signing in progress</Title>
                <Badge color="yellow" variant="light" size="lg" tt="none">
                  {signing.signatures.length} of {signatories(signing.agreement).length} signed
                </Badge>
              </Group>
              <Text c="dimmed">The content is frozen while it is signed. Each signatory signs the content with this SHA-256:</Text>
              <ContentFingerprint hash={signing.contentHash} testId="signing-hash" />
              <Table verticalSpacing="sm" aria-label="Signatories">
                <Table.Tbody>
                  {signatories(signing.agreement).map((person) => {
                    const done = signing.signatures.find((entry) => entry.participantId === person.id);
                    return (
                      <Table.Tr key={person.id}>
                        <Table.Td>
                          <Text fw={600}>{person.name}</Text>
                          <Text size="sm" c="dimmed">
                            {person.title}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {done ? (
                            <Group gap={6} justify="flex-end" c="teal.9">
                              <IconCircleCheck size={18} aria-hidden />
                              <Text size="sm">Signed {when(done.signedAt)}</Text>
                            </Group>
                          ) : (
                            <Button leftSection={<IconSignature size={16} />} onClick={() => setSigner(person)} aria-label={`Sign as ${person.name}`}>
                              Sign
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <Group>
                <Button variant="default" loading={busy} onClick={() => (signing.signatures.length > 0 ? setConfirmCancel(true) : void run(cancelSigning, 'Signing cancelled; the draft can be edited again.'))}>
                  Cancel signing
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : workshopStatus === 'signed' && signed ? (
          <>
            {onExport && <NextStep versionNumber={signed.number} onExport={onExport} exporting={exporting} lastExport={lastExport} />}
            <Alert color="teal" icon={<IconLock />} title={`Version ${signed.number} is signed and locked`}>
              <Stack gap="sm">
                <Text>Nobody can change it. To change the agreement, start an amendment: a new draft, signed again as version {signed.number + 1}.</Text>
                <Group>
                  <Button variant="default" loading={busy} onClick={() => void run(amend, 'Amendment started: edit the agreement, then sign it again.')}>
                    Amend
                  </Button>
                </Group>
              </Stack>
            </Alert>
          </>
        ) : (
          <Card withBorder radius="md" padding="lg">
            <Stack gap="sm">
              <Title order={3}>{signed ? `Amendment: version ${signed.number + 1}` : 'Version 1'}</Title>
              {check.ready ? (
                <Text>Every item is agreed or parked. Start signing to freeze this content; then each signatory signs in turn.</Text>
              ) : (
                <Alert color="yellow" icon={<IconAlertTriangle />} title="Not ready to sign">
                  {check.blockers.length} {check.blockers.length === 1 ? 'item needs' : 'items need'} settling first (see “Ready to sign?”).
                </Alert>
              )}
              <Group>
                <Button disabled={!check.ready || signatories(agreement).length === 0} loading={busy} onClick={() => void run(startSigning)}>
                  Start signing
                </Button>
              </Group>
            </Stack>
          </Card>
        )}

        {signed && workshopStatus !== 'signed' && (
          <Card withBorder radius="md" padding="lg" data-testid="amendment-diff">
            <Title order={3} mb="xs">
              Changes since version {signed.number}
            </Title>
            {history.length > 0 && (
              <Stack gap={4} mb="sm" data-testid="amendment-consensus">
                {reconfirm.length > 0 && (
                  <Alert color="orange" icon={<IconAlertTriangle />} title={`${reconfirm.length} changed ${reconfirm.length === 1 ? 'item needs' : 'items need'} both sides again`}>
                    <List size="sm" spacing={2}>
                      {reconfirm.map((entry) => (
                        <List.Item key={`${entry.item.section}-${entry.item.id}`}>{consensusBlocker(entry.item)}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                <Text size="sm" c="dimmed">
                  {carried.length} unchanged {carried.length === 1 ? 'item keeps its' : 'items keep their'} agreement
                  {carried.length > 0 ? ` (${[...new Set(carried.map((entry) => entry.agreedOnVersion!))].sort((a, b) => a - b).map(agreedOnText).join(', ')})` : ''}.
                </Text>
              </Stack>
            )}
            {changes.length === 0 ? (
              <Text c="dimmed">No changes yet.</Text>
            ) : (
              <Stack gap="xs">
                {sections
                  .filter((section) => changes.some((change) => change.section === section.id))
                  .map((section) => (
                    <div key={section.id}>
                      <Text fw={650}>
                        {section.number}. {section.title}
                      </Text>
                      <List size="sm" spacing={2}>
                        {changes
                          .filter((change) => change.section === section.id)
                          .map((change, index) => (
                            <List.Item key={index}>{change.text}</List.Item>
                          ))}
                      </List>
                    </div>
                  ))}
              </Stack>
            )}
          </Card>
        )}

        <div>
          <Title order={3} mb="xs">
            Version history
          </Title>
          {versions.length === 0 ? (
            <Text c="dimmed">No version has been signed yet.</Text>
          ) : (
            <Table withTableBorder aria-label="Version history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Signed by</Table.Th>
                  <Table.Th>Locked</Table.Th>
                  <Table.Th>SHA-256</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.map((version) => (
                  <Fragment key={version.id}>
                  <Table.Tr>
                    <Table.Td>{version.number}</Table.Td>
                    <Table.Td>
                      {!version.intact ? (
                        <Badge color="red" tt="none">
                          Tampered: content does not match its hash
                        </Badge>
                      ) : (
                        <StatusBadge status={version.status} />
                      )}
                    </Table.Td>
                    <Table.Td>{version.signatures.map((entry) => `${entry.name} (${when(entry.signedAt)})`).join(', ') || '—'}</Table.Td>
                    <Table.Td>{when(version.lockedAt)}</Table.Td>
                    <Table.Td>
                      <Code>{version.contentHash.slice(0, 16)}…</Code>
                    </Table.Td>
                  </Table.Tr>
                  {version.status === 'signed' && (
                    // Who sealed it, on its own full-width row under the version: the sentence and fingerprint need the width.
                    <Table.Tr>
                      <Table.Td colSpan={5} pt={0}>
                        <VersionSealCell version={version} check={seals.find((check) => check.number === version.number)} problem={sealProblem} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>

        <SealCard agreement={agreement} />
      </Stack>
      <ConfirmDialog
        opened={confirmCancel}
        title="Cancel signing?"
        confirmLabel="Discard the signatures"
        cancelLabel="Keep signing"
        danger
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => {
          setConfirmCancel(false);
          void run(cancelSigning, 'Signing cancelled; the signatures were discarded and the draft can be edited again.');
        }}
      >
        {signing ? `${signing.signatures.map((entry) => entry.name).join(' and ')} already signed version ${signing.number}. Cancelling discards ${signing.signatures.length === 1 ? 'that signature' : 'those signatures'}; everyone signs again when signing restarts.` : ''}
      </ConfirmDialog>
      {signer && signing && (
        <SignatureModal
          person={signer}
          versionNumber={signing.number}
          contentHash={signing.contentHash}
          onClose={() => setSigner(null)}
          onSign={async ({ method, image }) => {
            await sign({ participantId: signer.id, method, image, signedAt: new Date().toISOString(), contentHash: signing.contentHash });
            setSigner(null);
            notify({ message: `${signer.name} signed version ${signing.number}.` });
          }}
        />
      )}
    </Drawer>
  );
}

/**
 * What to do once the last signatory signed: hand the agreement out. The sealed
 * PDF for the people, the .accord file for the record (it carries the versions
 * and their seals), then the folder the file went to.
 */
function NextStep({ versionNumber, onExport, exporting, lastExport }: { versionNumber: number; onExport: (kind: 'pdf-a4' | 'accord') => void; exporting: string | null; lastExport: { kind: string; path: string } | null }) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid="next-step">
      <Stack gap="sm">
        <Title order={3}>Next: hand out version {versionNumber}</Title>
        <Text>Everyone signed. Export the sealed PDF for the signatories and the .accord file for your records; both carry the seal.</Text>
        <Group>
          <Button leftSection={<IconFileTypePdf size={18} />} loading={exporting === 'pdf-a4'} disabled={exporting !== null && exporting !== 'pdf-a4'} onClick={() => onExport('pdf-a4')}>
            Export the PDF (A4)
          </Button>
          <Button variant="default" leftSection={<IconFileExport size={18} />} loading={exporting === 'accord'} disabled={exporting !== null && exporting !== 'accord'} onClick={() => onExport('accord')}>
            Export the .accord file
          </Button>
          {lastExport && canShowInFolder() && (
            <Button variant="default" leftSection={<IconFolderOpen size={18} />} onClick={() => void showFileInFolder(lastExport.path).then((problem) => problem && notify({ tone: 'error', title: 'Not shown', message: problem }))}>
              Show in folder
            </Button>
          )}
        </Group>
        {lastExport && (
          <Text size="sm" c="dimmed" data-testid="last-export" style={{ overflowWrap: 'anywhere' }}>
            Saved {lastExport.path}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
