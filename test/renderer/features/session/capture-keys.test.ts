import { describe, expect, it } from 'vitest';
import { captureShortcuts, commandOf } from '../../../../renderer/features/session/capture-keys';
import { actionOfKeyPress } from '../../../../shared/model/workshop-actions';

const key = (code: string, extra: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; key: string }> = {}) => ({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, key: code.replace('Key', '').toLowerCase(), code, ...extra });

describe('session shortcuts', () => {
  it('reads Alt+letter by its physical key, so Option on a Mac (which types accents) works', () => {
    expect(commandOf(key('KeyM', { altKey: true, key: 'µ' }))).toBe('marketing-agree');
    expect(commandOf(key('KeyM', { altKey: true, shiftKey: true, key: 'Â' }))).toBe('marketing-disagree');
    expect(commandOf(key('KeyS', { altKey: true }))).toBe('sales-agree');
    expect(actionOfKeyPress(key('KeyT', { altKey: true, shiftKey: true, key: 'ˇ' }))).toBe('timer-next');
    expect(actionOfKeyPress(key('KeyT', { altKey: true, key: '†' }))).toBe('timer-toggle');
    expect(actionOfKeyPress(key('KeyK', { ctrlKey: true }))).toBe('palette');
    expect(actionOfKeyPress(key('KeyK', { metaKey: true }))).toBe('palette');
    expect(actionOfKeyPress(key('KeyZ', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    // An item key is never a workshop action, and the other way round.
    expect(actionOfKeyPress(key('KeyM', { altKey: true }))).toBeNull();
    expect(commandOf(key('KeyT', { altKey: true }))).toBeNull();
  });

  it('leaves plain typing, Ctrl+Alt (AltGr) and unknown keys alone', () => {
    expect(commandOf(key('KeyM'))).toBeNull();
    expect(commandOf(key('KeyM', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(commandOf(key('KeyZ', { altKey: true }))).toBeNull();
    expect(commandOf(key('KeyP', { altKey: true, shiftKey: true }))).toBeNull();
    expect(actionOfKeyPress(key('KeyP', { altKey: true, shiftKey: true }))).toBeNull();
    expect(actionOfKeyPress(key('KeyT', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(actionOfKeyPress(key('KeyT'))).toBeNull();
  });

  it('documents every command once', () => {
    const commands = captureShortcuts.map((shortcut) => shortcut.command);
    expect(new Set(commands).size).toBe(commands.length);
    expect(captureShortcuts.find((shortcut) => shortcut.command === 'park-item')?.keys).toBe('Alt+K');
  });
});
