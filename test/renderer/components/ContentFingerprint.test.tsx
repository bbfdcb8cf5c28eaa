import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { ContentFingerprint } from '../../../renderer/components/ContentFingerprint';

const hash = '1f7753e62171a0b2c3d4e5f60718293a4b5c6d7e8f9001122334455667788990';

describe('ContentFingerprint', () => {
  it('shows four groups of four hex digits; the full SHA-256 one click away', async () => {
    render(
      <MantineProvider>
        <ContentFingerprint hash={hash} testId="hash" />
      </MantineProvider>,
    );
    expect(screen.getByTestId('hash-short')).toHaveTextContent('1F77 53E6 2171 A0B2');
    expect(screen.getByTestId('hash')).not.toBeVisible();
    const toggle = screen.getByRole('button', { name: 'Show the full SHA-256' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(screen.getByTestId('hash')).toBeVisible();
    expect(screen.getByTestId('hash')).toHaveTextContent(hash);
    expect(screen.getByRole('button', { name: 'Hide the full SHA-256' })).toHaveAttribute('aria-expanded', 'true');
  });
});
