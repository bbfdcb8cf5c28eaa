import { Code } from '@mantine/core';
import { Fragment } from 'react';
import { formatFingerprint } from '../../shared/model/seal-origin';

/**
 * A certificate's SHA-256 fingerprint as people compare it (AB:CD:…). Lines
 * break only after a colon, never inside a pair, so a fingerprint read aloud
 * over the phone or off a projector keeps its pairs whole.
 */
export function SealFingerprint({ fingerprint, testId }: { fingerprint: string; testId?: string }) {
  const pairs = formatFingerprint(fingerprint).split(':');
  return (
    <Code data-testid={testId} style={{ whiteSpace: 'normal', wordBreak: 'normal', overflowWrap: 'normal', fontSize: '0.9em', lineHeight: 1.6 }}>
      {pairs.map((pair, index) => (
        <Fragment key={index}>
          {pair}
          {index < pairs.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </Code>
  );
}
