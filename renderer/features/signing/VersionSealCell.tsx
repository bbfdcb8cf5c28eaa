import { Badge, Code, Stack, Text } from '@mantine/core';
import type { VersionSealCheck } from '../../../shared/model/accord-seal';
import { versionSealText } from '../../../shared/model/accord-seal';
import { formatFingerprint, sealOriginText } from '../../../shared/model/seal-origin';
import type { VersionsState } from '../../store/versions-store';

type LoadedVersion = VersionsState['versions'][number];

/**
 * Who sealed a version, as main checked it: the same sentence and fingerprint
 * as the PDF Verify screen and the CLI (shared/model/seal-origin.ts). A
 * version signed on this computer is sealed when it is exported as .accord.
 */
export function VersionSealCell({ version, check, problem }: { version: LoadedVersion; check: VersionSealCheck | undefined; problem: string | null }) {
  if (version.status !== 'signed') return <Text c="dimmed">—</Text>;
  if (!version.seal) return <Text size="sm">Signed on this computer; sealed with its key when exported as .accord</Text>;
  if (problem) return <Text size="sm" c="orange.8">{`The seal could not be checked: ${problem}`}</Text>;
  if (!check) return <Text size="sm" c="dimmed">Checking the seal…</Text>;
  if (check.state !== 'sealed') {
    return (
      <Badge color="red" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
        {versionSealText(check)}
      </Badge>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} c={check.origin.kind === 'unknown' ? 'orange.8' : undefined}>
        {sealOriginText(check.origin, check.certificateName)}
      </Text>
      <Text size="xs" c="dimmed">
        Certificate SHA-256
      </Text>
      <Code style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{formatFingerprint(check.fingerprint)}</Code>
    </Stack>
  );
}
