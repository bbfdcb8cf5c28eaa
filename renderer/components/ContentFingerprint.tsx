import { Code, Group, Text, UnstyledButton } from '@mantine/core';
import { useId, useState } from 'react';
import { shortFingerprint } from '../../shared/text/datetime';

/**
 * The content hash a signatory signs, as people read it: the first sixteen hex digits in four groups, large enough to
 * compare off a projector, with the full SHA-256 one click away (what a check compares; always in the page for copying).
 */
export function ContentFingerprint({ hash, testId, size = 'lg' }: { hash: string; testId?: string; size?: 'md' | 'lg' }) {
  const [full, setFull] = useState(false);
  const fullId = useId();
  return (
    <div className="content-fingerprint">
      <Group gap="sm" align="baseline" wrap="wrap">
        <Text component="span" ff="monospace" fw={700} fz={size === 'lg' ? 'xl' : 'md'} style={{ letterSpacing: '0.04em' }} data-testid={testId ? `${testId}-short` : undefined} aria-label={`Fingerprint ${shortFingerprint(hash).split(' ').join(', ')}`}>
          {shortFingerprint(hash)}
        </Text>
        <UnstyledButton onClick={() => setFull((shown) => !shown)} aria-expanded={full} aria-controls={fullId} className="content-fingerprint-toggle" fz="sm" td="underline">
          {full ? 'Hide the full SHA-256' : 'Show the full SHA-256'}
        </UnstyledButton>
      </Group>
      {/* Always in the page (copy, tests, screen readers on demand); shown when asked. */}
      <Code block id={fullId} data-testid={testId} hidden={!full} style={{ wordBreak: 'break-all', whiteSpace: 'normal', marginTop: 6 }}>
        {hash}
      </Code>
    </div>
  );
}
