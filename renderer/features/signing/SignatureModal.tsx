import '../../components/mantine-ui-styles';
import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import SignaturePad from 'signature_pad';
import { useEffect, useRef, useState } from 'react';
import type { Participant } from '../../../shared/model/agreement';
import { ContentFingerprint } from '../../components/ContentFingerprint';

/** Renders a typed name as a signature image (PNG data URL). */
function typedSignature(name: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = 900;
  canvas.height = 240;
  const context = canvas.getContext('2d');
  if (!context) return '';
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#17325f';
  context.font = "italic 500 84px 'Inter Variable', Georgia, serif";
  context.textBaseline = 'middle';
  context.fillText(name, 40, canvas.height / 2, canvas.width - 80);
  return canvas.toDataURL('image/png');
}

/** Sizes the canvas for the screen's pixel ratio (crisp strokes) and starts a pad on it. */
function startPad(canvas: HTMLCanvasElement): SignaturePad {
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  canvas.width = canvas.offsetWidth * ratio;
  canvas.height = canvas.offsetHeight * ratio;
  canvas.getContext('2d')?.scale(ratio, ratio);
  return new SignaturePad(canvas, { backgroundColor: 'rgb(255,255,255)', penColor: '#17325f', minWidth: 1, maxWidth: 2.6 });
}

/**
 * One signatory signs: draws with mouse, pen or touch, or types their name,
 * and confirms the version and its hash.
 */
export function SignatureModal({ person, versionNumber, contentHash, onSign, onClose }: { person: Participant; versionNumber: number; contentHash: string; onSign: (signature: { method: 'drawn' | 'typed'; image: string }) => Promise<void>; onClose: () => void }) {
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const [typed, setTyped] = useState(person.name);
  const [confirmed, setConfirmed] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A callback ref: the dialog mounts its content a frame after opening, so the pad starts when the canvas exists.
  const [canvas, setCanvas] = useState<HTMLCanvasElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);

  useEffect(() => {
    if (method !== 'drawn' || !canvas) return;
    const pad = startPad(canvas);
    pad.addEventListener('endStroke', () => setDrawn(!pad.isEmpty()));
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, [method, canvas]);

  const ready = confirmed && (method === 'drawn' ? drawn : typed.trim().length > 1);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const image = method === 'drawn' ? (padRef.current?.toDataURL('image/png') ?? '') : typedSignature(typed.trim());
      await onSign({ method, image });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`${person.name} signs version ${versionNumber}`} size="lg" centered>
      <Stack gap="md">
        <Text c="dimmed">{person.title} · signing the content with the fingerprint</Text>
        <ContentFingerprint hash={contentHash} testId="signature-hash" size="md" />
        <SegmentedControl
          aria-label="How to sign"
          value={method}
          onChange={(value) => setMethod(value as 'drawn' | 'typed')}
          data={[
            { value: 'drawn', label: 'Draw a signature' },
            { value: 'typed', label: 'Type my name' },
          ]}
        />
        {method === 'drawn' ? (
          <Stack gap={6}>
            <canvas
              ref={setCanvas}
              aria-label={`Signature pad for ${person.name}: draw with the mouse, a pen or a finger`}
              role="img"
              data-testid="signature-pad"
              style={{ width: '100%', height: 180, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, touchAction: 'none', background: '#fff' }}
            />
            <Group justify="flex-end">
              <Button
                variant="subtle"
                size="xs"
                onClick={() => {
                  padRef.current?.clear();
                  setDrawn(false);
                }}
              >
                Clear
              </Button>
            </Group>
          </Stack>
        ) : (
          <TextInput label="Your name as signature" value={typed} onChange={(event) => setTyped(event.currentTarget.value)} />
        )}
        <Checkbox
          checked={confirmed}
          onChange={(event) => setConfirmed(event.currentTarget.checked)}
          label={`I, ${person.name}, have read version ${versionNumber} of this agreement and agree to it on behalf of my team.`}
        />
        {error && (
          <Text c="red.8" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!ready} loading={busy} onClick={() => void submit()}>
            Sign
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
