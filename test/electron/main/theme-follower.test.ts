import { describe, expect, it } from 'vitest';
import { ThemeFollower } from '../../../electron/main/theme-follower';

describe('theme follower', () => {
  it('applies every choice and rebuilds the menu only when the choice changed', () => {
    const applied: string[] = [];
    let rebuilt = 0;
    const theme = new ThemeFollower({ apply: (choice) => applied.push(choice), changed: () => (rebuilt += 1) });
    expect(theme.choice).toBe('system');
    theme.follow('system');
    theme.follow('dark');
    theme.follow('dark');
    theme.follow('light');
    expect(applied).toEqual(['system', 'dark', 'dark', 'light']);
    expect(rebuilt).toBe(2);
    expect(theme.choice).toBe('light');
  });
});
