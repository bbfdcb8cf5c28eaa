import '../../components/mantine-ui-styles';
import { Alert, Button, FileInput, Group, Image, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { notify } from '../../components/notify';
import { brandingStore, logoFromFile, MAX_LOGO_BYTES } from '../../store/branding-store';

/** The consultant's name and logo on the cover of every exported PDF (this computer's setting). */
export function BrandingModal({ onClose }: { onClose: () => void }) {
  const current = brandingStore.getState().branding;
  const [name, setName] = useState(current?.name ?? '');
  const [logo, setLogo] = useState<string | undefined>(current?.logoDataUrl);
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | null) => {
    setError(null);
    if (!file) return setLogo(undefined);
    try {
      setLogo(await logoFromFile(file));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const save = () => {
    try {
      brandingStore.getState().save({ name, logoDataUrl: logo });
      notify({ message: name.trim() || logo ? 'The cover page will carry your branding.' : 'Branding removed from the cover page.' });
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Modal opened onClose={onClose} title="Cover page branding" size="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Shown at the top of the PDF’s cover page and in the preview, for every workshop on this computer.
        </Text>
        <TextInput label="Your name or firm" value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={120} data-autofocus />
        <FileInput label="Logo" description={`PNG or JPEG, up to ${MAX_LOGO_BYTES / 1024} kB`} accept="image/png,image/jpeg" onChange={(file) => void pick(file)} clearable leftSection={<IconPhoto size={16} />} placeholder={logo ? 'Current logo kept' : 'Choose a file'} />
        {logo && (
          <Group gap="sm">
            <Image src={logo} alt="Logo preview" h={48} w="auto" fit="contain" />
            <Button variant="subtle" size="xs" onClick={() => setLogo(undefined)}>
              Remove logo
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" title="Not saved">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
