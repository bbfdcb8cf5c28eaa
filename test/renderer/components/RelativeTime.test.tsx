import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelativeTime } from '../../../renderer/components/RelativeTime';

afterEach(() => {
  vi.useRealTimers();
});

const minute = 60_000;

describe('RelativeTime', () => {
  it('reads the clock when it is shown: a backup made 25 minutes before the screen opened is "25 minutes ago", not "just now"', () => {
    // The module was loaded (and any remembered time taken) at the real time; 25 minutes pass before anything shows it.
    const loadedAt = Date.now();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(loadedAt + 25 * minute);
    render(<RelativeTime timestamp={loadedAt} />);
    expect(screen.getByText('25 minutes ago')).toBeInTheDocument();
  });

  it('updates on its own while it stays on screen', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    const savedAt = Date.UTC(2026, 11, 1, 10, 0, 0);
    vi.setSystemTime(savedAt + 5_000);
    render(<RelativeTime timestamp={savedAt} />);
    expect(screen.getByText('just now')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2 * minute));
    expect(screen.getByText('2 minutes ago')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(23 * minute));
    expect(screen.getByText('25 minutes ago')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(40 * minute));
    expect(screen.getByText('1 hour ago')).toBeInTheDocument();
  });
});
