import { Alert, Anchor, Button, Card, FileInput, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Agreement } from '../../../shared/model/agreement';
import { notify } from '../../components/notify';
import { loadSealIdentity, importOwnCertificate, type SealIdentityView } from '../../store/seal-actions';

/**
 * Who seals the exported PDF, what that seal proves and what it does not,
 * and the way to seal with one's own certificate instead.
 */
export function SealCard({ agreement }: { agreement: Agreement }) {
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
    loadSealIdentity(agreement).then(
      (found) => live && setIdentity(found),
      (failure: unknown) => live && setLoadError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
    // The identity is made once, from the names at first use; later edits do not rename it.
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
