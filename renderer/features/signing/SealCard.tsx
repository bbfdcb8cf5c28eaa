import { Alert, Anchor, Button, Card, FileInput, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Agreement } from '../../../shared/model/agreement';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notify } from '../../components/notify';
import { SealFingerprint } from '../../components/SealFingerprint';
import { useBranding } from '../../store/stores';
import { loadSealIdentity, importOwnCertificate, renewSealIdentity, sealName, type SealIdentityView } from '../../store/seal-actions';

/**
 * Who seals the exported PDF (its certificate's name and SHA-256 fingerprint),
 * what that seal proves and what it does not, and the way to seal with one's
 * own certificate instead. A certificate an earlier Accord made with the
 * client's name in it is kept (its fingerprint may be trusted elsewhere) and
 * can be renewed on purpose.
 */
export function SealCard({ agreement }: { agreement?: Agreement }) {
  const consultant = useBranding((state) => state.branding?.name);
  const name = sealName(consultant, agreement?.workshop.facilitator);
  const [renewing, setRenewing] = useState(false);
  const [identity, setIdentity] = useState<SealIdentityView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    loadSealIdentity(name).then(
      (found) => live && setIdentity(found),
      (failure: unknown) => live && setLoadError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
    // The identity is made once, from the name at first use; later edits do not rename it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const subject = await importOwnCertificate(file, passphrase);
      notify({ message: `PDFs are now sealed with your certificate: ${subject}.` });
      setImporting(false);
      setFile(null);
      setPassphrase('');
      setReload((count) => count + 1);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const renew = async () => {
    setRenewing(false);
    setBusy(true);
    try {
      const renewed = await renewSealIdentity(name);
      notify({ message: `New PDFs are sealed by “${renewed.subject}”. The earlier certificate still counts as this computer’s, so what it sealed says so.` });
      setReload((count) => count + 1);
    } catch (failure) {
      setLoadError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" data-testid="seal-card">
      <Stack gap="sm">
        <Group gap="xs">
          <IconShieldCheck size={20} aria-hidden />
          <Title order={3}>The PDF seal</Title>
        </Group>
        {loadError ? (
          <Alert color="red" title="The sealing certificate cannot be opened">
            {loadError}
          </Alert>
        ) : (
          <Text>
            Exported PDFs are sealed by <strong>{identity ? identity.subject : '…'}</strong>
            {identity && (identity.selfSigned ? ', a certificate Accord made on this computer' : ', your own certificate')}.
            {identity && !identity.keyProtectedByOs && ' Its private key is kept in a file only your user account can read (this shell has no system keychain).'}
          </Text>
        )}
        {identity && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              This computer’s seal, SHA-256 fingerprint
            </Text>
            <SealFingerprint fingerprint={identity.fingerprint} testId="own-seal-fingerprint" />
            <Text size="sm" c="dimmed">
              Someone who wants to know that a PDF was sealed here compares this fingerprint with the one their Verify shows, then chooses “Trust this seal”. The name in a certificate proves nothing: anyone can make one with any name.
            </Text>
          </Stack>
        )}
        {identity?.namesOrganisation && (
          <Alert color="yellow" title="This certificate also names an organisation" data-testid="seal-names-organisation">
            <Stack gap="xs">
              <Text size="sm">
                An earlier Accord wrote “{identity.namesOrganisation}” (the client of the workshop it was first made for) into this computer’s certificate, so its seal could read as the client’s. It is kept, because others may already trust its fingerprint. New certificates name only you.
              </Text>
              <Group>
                <Button size="xs" variant="default" onClick={() => setRenewing(true)} loading={busy}>
                  Make a new certificate naming only {name || 'Accord user'}…
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <ConfirmDialog opened={renewing} title="Make a new sealing certificate?" confirmLabel="Make a new certificate" onConfirm={() => void renew()} onCancel={() => setRenewing(false)}>
          New PDFs will be sealed by “{name || 'Accord user'}” with a new fingerprint. PDFs sealed before keep verifying, and on this computer they still say “sealed by this computer”; anyone who trusted the old fingerprint must trust the new one again.
        </ConfirmDialog>
        <Text size="sm" c="dimmed">
          What the seal proves: the file is exactly as it was when sealed; any change to it, even one character, breaks the seal, and Verify (or <code>accord verify</code>) says so. What a self-signed seal does not prove: who sealed it. No
          third party has confirmed that identity, so PDF readers show the certificate as “unknown”. For that, use a certificate from your organisation or a trust service.
        </Text>
        {importing ? (
          <Stack gap="xs">
            <FileInput label="Certificate file (.p12 or .pfx)" accept=".p12,.pfx,application/x-pkcs12" value={file} onChange={setFile} clearable leftSection={<IconCertificate size={16} />} />
            <PasswordInput label="Passphrase" value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} autoComplete="off" />
            {error && (
              <Alert color="red" title="Not imported">
                {error}
              </Alert>
            )}
            <Group>
              <Button onClick={() => void submit()} disabled={!file} loading={busy}>
                Use this certificate
              </Button>
              <Button variant="default" onClick={() => setImporting(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        ) : (
          <Anchor component="button" type="button" onClick={() => setImporting(true)} size="sm" ta="left">
            Seal with your own certificate (.p12)…
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
