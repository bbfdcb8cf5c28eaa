import { Badge, Code, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import type { VersionSealCheck } from '../../../shared/model/accord-seal';
import { versionSealText } from '../../../shared/model/accord-seal';
import { formatFingerprint, sealOriginText } from '../../../shared/model/seal-origin';
import type { VersionsState } from '../../store/versions-store';

type LoadedVersion = VersionsState['versions'][number];

/**
 * Who sealed a version, as main checked it: the same sentence and fingerprint
 * as the PDF Verify screen and the CLI (shared/model/seal-origin.ts). A
 * version signed on this computer is sealed by main the moment its signing
 * completes; one without a seal (signed before seals existed, or brought in by
 * a library file) is never sealed later, and says so.
 */
export function VersionSealCell({ version, check, problem }: { version: LoadedVersion; check: VersionSealCheck | undefined; problem: string | null }) {
  if (version.status !== 'signed') return null;
  const label = (
    <Text span size="sm" fw={600}>
      Seal:
    </Text>
  );
  if (!version.seal) {
    return (
      <Group gap={6}>
        {label}
        <Text span size="sm">
          not sealed: signed before seals existed, brought in by a library file, or its sealing failed. An .accord export carries it unsealed, and whoever opens that file gets a draft.
        </Text>
      </Group>
    );
  }
  if (problem) return <Group gap={6}>{label}<Text span size="sm">{`the seal could not be checked: ${problem}`}</Text></Group>;
  if (!check) return <Group gap={6}>{label}<Text span size="sm" c="dimmed">checking…</Text></Group>;
  if (check.state !== 'sealed') {
    return (
      <Badge color="red" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
        {versionSealText(check)}
      </Badge>
    );
  }
  const stranger = check.origin.kind === 'unknown';
  return (
    <Group gap={8} wrap="wrap" align="center" data-testid={`version-seal-${version.number}`}>
      {stranger ? <IconAlertTriangle size={18} color="var(--mantine-color-orange-filled)" aria-hidden /> : <IconShieldCheck size={18} color="var(--mantine-color-teal-filled)" aria-hidden />}
      <Text span size="sm" fw={600}>
        {sealOriginText(check.origin, check.certificateName)}
      </Text>
      <Text span size="xs" c="dimmed">
        certificate SHA-256
      </Text>
      {/* Wraps, so the fingerprint never widens the table past the drawer. */}
      <Code style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{formatFingerprint(check.fingerprint)}</Code>
    </Group>
  );
}
