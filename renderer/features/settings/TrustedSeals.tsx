import { Alert, Button, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notify } from '../../components/notify';
import { SealFingerprint } from '../../components/SealFingerprint';
import { useBranding } from '../../store/stores';
import { loadSealIdentity, loadTrustedSeals, removeTrustedSeal, sealName, type PreviousOwnSeal, type SealIdentityView, type TrustedSeal } from '../../store/seal-actions';

/**
 * Settings → Seals: this computer's own seal by fingerprint, and the seals the
 * person chose to trust (like SSH's known hosts), each with its name, the day
 * and a way to remove it. A damaged list is said, with its path, and left as it is.
 */
export function TrustedSeals() {
  const consultant = useBranding((state) => state.branding?.name);
  const [own, setOwn] = useState<SealIdentityView | null>(null);
  const [ownError, setOwnError] = useState<string | null>(null);
  const [seals, setSeals] = useState<{ trusted: TrustedSeal[]; previousOwn: PreviousOwnSeal[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TrustedSeal | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    loadSealIdentity(sealName(consultant, undefined)).then(
      (found) => live && setOwn(found),
      (failure: unknown) => live && setOwnError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
    // The identity is made once; a later change of name does not rename it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let live = true;
    loadTrustedSeals().then(
      (found) => {
        if (!live) return;
        setSeals(found);
        setError(null);
      },
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
  }, [reload]);

  const remove = async (seal: TrustedSeal) => {
    setRemoving(null);
    try {
      await removeTrustedSeal(seal.fingerprint);
      notify({ message: `“${seal.name}” is no longer trusted: its seals now verify as an unknown certificate.` });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    setReload((count) => count + 1);
  };

  return (
    <Stack gap="md" data-testid="trusted-seals">
      <Title order={3}>This computer’s seal</Title>
      {ownError ? (
        <Alert color="red" title="The sealing certificate cannot be opened">
          {ownError}
        </Alert>
      ) : own ? (
        <Stack gap={4}>
          <Text size="sm">
            PDFs exported here are sealed by <strong>{own.subject}</strong>. Its SHA-256 fingerprint:
          </Text>
          <SealFingerprint fingerprint={own.fingerprint} testId="settings-own-fingerprint" />
        </Stack>
      ) : (
        <Loader size="sm" aria-label="Reading this computer’s seal" />
      )}
      <Title order={3}>Trusted seals</Title>
      <Text size="sm">
        Seals you chose to trust from the Verify screen, like SSH’s known hosts. A PDF sealed by one of them verifies as “sealed by &lt;name&gt;, trusted on &lt;date&gt;”; any other certificate is unknown, whatever name it carries.
      </Text>
      {error && (
        <Alert color="red" title="The list of trusted seals cannot be read">
          {error}
        </Alert>
      )}
      {seals === null && !error ? (
        <Loader size="sm" aria-label="Reading the trusted seals" />
      ) : seals && seals.trusted.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-trusted-seals">
          No trusted seals yet. Verify a PDF someone sealed, check its fingerprint with them, then choose “Trust this seal”.
        </Text>
      ) : (
        seals && (
          <Table aria-label="Trusted seals" fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>SHA-256 fingerprint</Table.Th>
                <Table.Th>Trusted on</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {seals.trusted.map((seal) => (
                <Table.Tr key={seal.fingerprint}>
                  <Table.Td>{seal.name}</Table.Td>
                  <Table.Td>
                    <SealFingerprint fingerprint={seal.fingerprint} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{seal.trustedOn}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" color="red" onClick={() => setRemoving(seal)} aria-label={`Remove ${seal.name}`}>
                      Remove
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      )}
      {seals && seals.previousOwn.length > 0 && (
        <Text size="sm" c="dimmed">
          This computer’s earlier seals, still recognised as its own: {seals.previousOwn.map((seal) => `${seal.subject} (until ${seal.until})`).join('; ')}.
        </Text>
      )}
      <ConfirmDialog opened={removing !== null} title="Stop trusting this seal?" confirmLabel="Remove" danger onConfirm={() => removing && void remove(removing)} onCancel={() => setRemoving(null)}>
        PDFs sealed by “{removing?.name}” will verify as sealed by an unknown certificate until you trust it again.
      </ConfirmDialog>
    </Stack>
  );
}
