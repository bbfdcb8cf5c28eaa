import { Code } from '@mantine/core';
import { formatFingerprint } from '../../shared/model/seal-origin';

/** A certificate's SHA-256 fingerprint as people compare it (AB:CD:…), wrapped in pairs so it reads on a projector. */
export function SealFingerprint({ fingerprint, testId }: { fingerprint: string; testId?: string }) {
  return (
    <Code data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'normal', fontSize: '0.9em' }} aria-label={`SHA-256 fingerprint ${formatFingerprint(fingerprint)}`}>
      {formatFingerprint(fingerprint)}
    </Code>
  );
}
