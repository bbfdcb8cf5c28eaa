import '../../components/mantine-ui-styles';
import '@mantine/core/styles/ColorInput.css';
import '@mantine/core/styles/ColorPicker.css';
import '@mantine/core/styles/ColorSwatch.css';
import { Alert, Button, ColorInput, FileInput, Group, Image, Loader, Modal, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { notify } from '../../components/notify';
import { accentOf, logoFromFile, type Branding } from '../../store/branding-store';
import { useBranding, useBrandingStore } from '../../store/stores';
import { checkAccent } from '../../../shared/model/branding';
import { formatSize, MAX_LOGO_BYTES } from '../../../shared/model/limits';
import { TrustedSeals } from './TrustedSeals';
import '@mantine/core/styles/Tabs.css';
import './settings.css';

/** Accent colours offered with one click; each reads at 4.3:1 or more on white (the rule is 3:1). */
export const accentSwatches = ['#305fb3', '#0b7285', '#087f5b', '#d9480f', '#c92a2a', '#a61e4d', '#862e9c', '#343a40'];

/**
 * App settings: settings of this computer, for every workshop. The
 * consultant's branding (name, logo, accent colour), used by the PDF cover and
 * running header and the presenter window; and the seals: this computer's and
 * the ones the person trusts. Opened from the header's Settings button and
 * from a workshop's ⋯ → Branding….
 */
export function SettingsModal({ onClose, initialTab = 'branding' }: { onClose: () => void; initialTab?: 'branding' | 'seals' }) {
  const loaded = useBranding((state) => state.loaded);
  const branding = useBranding((state) => state.branding);
  return (
    <Modal opened onClose={onClose} title="App settings" size="lg">
      <Tabs defaultValue={initialTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="branding">Branding</Tabs.Tab>
          <Tabs.Tab value="seals">Seals</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="branding">
          {loaded ? (
            <BrandingForm initial={branding} onClose={onClose} />
          ) : (
            <Group justify="center" p="lg">
              <Loader size="sm" aria-label="Reading the settings" />
            </Group>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="seals">
          <TrustedSeals />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}

function BrandingForm({ initial, onClose }: { initial: Branding | null; onClose: () => void }) {
  const brandingStore = useBrandingStore();
  const [name, setName] = useState(initial?.name ?? '');
  const [logo, setLogo] = useState<string | undefined>(initial?.logoDataUrl);
  const [logoFile, setLogoFile] = useState<File | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [accent, setAccent] = useState(initial?.accent ?? '');
  const [accentTouched, setAccentTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const accentCheck = accent.trim() === '' ? null : checkAccent(accent);
  const accentError = accentCheck && !accentCheck.ok && (accentTouched || accent.length >= 7) ? accentCheck.message : null;
  const shownAccent = accentCheck?.ok ? accentCheck.accent : accentOf(null);

  // A pick that fails keeps the logo there was; the message names the file.
  const pick = async (file: File | null) => {
    setLogoError(null);
    setError(null);
    setLogoFile(file);
    if (!file) return;
    try {
      setLogo(await logoFromFile(file));
    } catch (failure) {
      setLogoFile(null);
      setLogoError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const save = async () => {
    setAccentTouched(true);
    if (logoError || (accentCheck && !accentCheck.ok)) {
      setError(logoError ?? (accentCheck && !accentCheck.ok ? accentCheck.message : null));
      return;
    }
    setSaving(true);
    try {
      await brandingStore.getState().save({ name, logoDataUrl: logo ?? null, accent: accent.trim() || null });
      const saved = brandingStore.getState().branding;
      notify({ message: saved ? 'Your branding is saved: the PDFs and the presenter window will carry it.' : 'Branding removed: the PDFs carry Accord’s own.' });
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Settings of this computer, for every workshop.
      </Text>
      <Title order={3}>Branding</Title>
      <Text size="sm">Your name, logo and accent colour on the cover and running header of every PDF, and in the presenter window.</Text>
      <TextInput label="Your name or firm" value={name} onChange={(event) => setName(event.currentTarget.value)} maxLength={120} data-autofocus />
      <div>
        <FileInput
          label="Logo"
          description={`PNG, JPEG or SVG, up to ${formatSize(MAX_LOGO_BYTES)}`}
          accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
          value={logoFile}
          onChange={(file) => void pick(file)}
          clearable
          leftSection={<IconPhoto size={16} />}
          placeholder={logo ? 'Current logo kept' : 'Choose a file'}
          error={logoError}
        />
        {logo && (
          <Group gap="sm" mt="xs">
            <Image src={logo} alt="Logo preview" h={48} w="auto" maw={200} fit="contain" className="settings-logo" />
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                setLogo(undefined);
                setLogoFile(null);
                setLogoError(null);
              }}
            >
              Remove logo
            </Button>
          </Group>
        )}
      </div>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <ColorInput
          label="Accent colour"
          description="Cover band, rule lines and headings; dark enough to read on white (contrast at least 3:1)"
          placeholder={`Default (${accentOf(null)})`}
          format="hex"
          swatches={accentSwatches}
          swatchesPerRow={8}
          withEyeDropper={false}
          value={accent}
          onChange={(value) => {
            setAccent(value);
            setError(null);
          }}
          onBlur={() => setAccentTouched(true)}
          error={accentError}
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={() => setAccent('')} disabled={accent === ''} mb={accentError ? 26 : 0}>
          Default
        </Button>
      </Group>
      <figure className="settings-cover-preview" style={{ ['--settings-accent' as string]: shownAccent }}>
        <figcaption className="settings-cover-caption">Cover preview</figcaption>
        <div className="settings-cover-page">
          <div className="settings-cover-brand">
            {logo && <img src={logo} alt="" />}
            <span>{name.trim() || (logo ? '' : 'Accord')}</span>
          </div>
          <div className="settings-cover-title">Lead management agreement</div>
          <div className="settings-cover-client">Client organisation</div>
        </div>
      </figure>
      {error && (
        <Alert color="red" title="Not saved">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={saving}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}

