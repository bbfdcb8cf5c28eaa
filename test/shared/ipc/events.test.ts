import { describe, expect, it } from 'vitest';
import { createEventBuffer, isMenuCommand, isOpenAccordFile, MAX_ACCORD_FILE_BYTES } from '../../../shared/ipc/events';

describe('main → renderer events', () => {
  it('accepts only known menu commands', () => {
    expect(isMenuCommand('workshop:new')).toBe(true);
    expect(isMenuCommand('view:theme-dark')).toBe(true);
    expect(isMenuCommand('shell:open-external')).toBe(false);
    expect(isMenuCommand({})).toBe(false);
  });

  it('accepts an opened file only as a bare name with text of at most 20 MB', () => {
    expect(isOpenAccordFile({ name: 'Acme.accord', content: '{}' })).toBe(true);
    for (const value of [null, 'x', { name: '', content: '' }, { name: '../Acme.accord', content: '' }, { name: 'C:\\x.accord', content: '' }, { name: 'a.accord', content: 3 }, { name: 'a.accord', content: 'x'.repeat(MAX_ACCORD_FILE_BYTES + 1) }]) {
      expect(isOpenAccordFile(value)).toBe(false);
    }
  });

  it('keeps events that arrive before anyone listens and hands them to the first listener', () => {
    const buffer = createEventBuffer<number>(2);
    buffer.push(1);
    buffer.push(2);
    buffer.push(3); // over capacity: dropped
    const seen: number[] = [];
    const unsubscribe = buffer.subscribe((value) => seen.push(value));
    buffer.push(4);
    unsubscribe();
    buffer.push(5);
    const later: number[] = [];
    buffer.subscribe((value) => later.push(value));
    expect(seen).toEqual([1, 2, 4]);
    expect(later).toEqual([5]);
  });
});
