import { describe, expect, it } from 'vitest';
import { createEventBuffer } from '../../../shared/ipc/event-buffer';

describe('event buffer', () => {
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
