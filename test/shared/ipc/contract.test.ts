import { describe, expect, it } from 'vitest';
import { accordApiChannels, createAccordApi, createAccordEvents, type EventTransport } from '../../../shared/ipc/api';
import { ipcContract, ipcEvents, isIpcChannel, menuCommands, parseIpcEvent, SuggestedFileNameSchema, windowMayCall, type IpcChannel, type IpcEvent } from '../../../shared/ipc/contract';
import { MAX_ACCORD_FILE_BYTES } from '../../../shared/model/limits';

describe('IPC contract', () => {
  it('names every channel and event domain:verb-noun', () => {
    for (const channel of [...Object.keys(ipcContract), ...Object.keys(ipcEvents)]) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });
  it('exposes only channels of the contract', () => {
    for (const channel of Object.values(accordApiChannels)) expect(isIpcChannel(channel)).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel('fs:read-any')).toBe(false);
  });
  it('gives every channel its own function name and a label its errors start with', () => {
    const methods = Object.values(ipcContract).map((spec) => spec.method);
    expect(new Set(methods).size).toBe(methods.length);
    expect(Object.keys(accordApiChannels).sort()).toEqual([...methods].sort());
    for (const [channel, spec] of Object.entries(ipcContract)) {
      expect(accordApiChannels[spec.method as keyof typeof accordApiChannels]).toBe(channel);
      expect(spec.label, channel).toMatch(/^[A-Z][a-z]+ing /);
    }
    const subscriptions = Object.values(ipcEvents).map((spec) => spec.subscribe);
    expect(new Set([...methods, ...subscriptions]).size).toBe(methods.length + subscriptions.length);
  });
  it('lets the presenter window call only reading what the app is and following the theme; the main window every channel', () => {
    const channels = Object.keys(ipcContract) as IpcChannel[];
    expect(channels.filter((channel) => windowMayCall('presenter', channel)).sort()).toEqual(['app:get-info', 'window:set-theme']);
    expect(channels.every((channel) => windowMayCall('main', channel))).toBe(true);
  });
  it.each(['../evil.accord', '/etc/passwd', 'C:\\x.pdf', 'a/b', '..', 'na\u0000me', '   '])('refuses the file name %j', (name) => {
    expect(SuggestedFileNameSchema.safeParse(name).success).toBe(false);
  });
  it('accepts a plain file name with accents and spaces', () => {
    expect(SuggestedFileNameSchema.parse(' Société – Q3 agreement v2 ')).toBe('Société – Q3 agreement v2');
  });
  it('builds window.accord with one named function per channel, passing requests through', async () => {
    const calls: [string, unknown][] = [];
    const api = createAccordApi(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: null };
    });
    expect(Object.keys(api).sort()).toEqual(Object.keys(accordApiChannels).sort());
    await api.getAppInfo({});
    await api.exportSummaryPdf({ suggestedName: 'x', paper: 'A4', agreement: {} });
    expect(calls).toEqual([['app:get-info', {}], ['pdf:export-summary', { suggestedName: 'x', paper: 'A4', agreement: {} }]]);
  });
});

describe('main → renderer events', () => {
  it('accepts only known menu commands', () => {
    expect(parseIpcEvent('menu:command', 'workshop:new')).toBe('workshop:new');
    expect(parseIpcEvent('menu:command', 'view:theme-dark')).toBe('view:theme-dark');
    expect(parseIpcEvent('menu:command', 'app:before-close')).toBe('app:before-close');
    expect(parseIpcEvent('menu:command', 'shell:open-external')).toBeNull();
    expect(parseIpcEvent('menu:command', {})).toBeNull();
    expect(menuCommands).toContain('help:verify');
  });

  it('accepts an opened file only as a bare name with text of at most 20 MB, and passes on nothing else', () => {
    expect(parseIpcEvent('file:open-accord', { name: 'Acme.accord', content: '{}', path: '/home/ana/Acme.accord' })).toEqual({ name: 'Acme.accord', content: '{}' });
    for (const value of [null, 'x', { name: '', content: '' }, { name: '../Acme.accord', content: '' }, { name: 'C:\\x.accord', content: '' }, { name: 'a.accord', content: 3 }, { name: 'x'.repeat(261), content: '' }, { name: 'a.accord', content: 'x'.repeat(20 * 1024 * 1024 + 1) }]) {
      expect(parseIpcEvent('file:open-accord', value)).toBeNull();
    }
    expect(MAX_ACCORD_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  function fakeTransport() {
    const handlers = new Map<IpcEvent, Set<(payload: unknown) => void>>();
    const transport: EventTransport = {
      on: (event, handler) => void (handlers.get(event) ?? handlers.set(event, new Set()).get(event)!).add(handler),
      off: (event, handler) => void handlers.get(event)?.delete(handler),
    };
    const emit = (event: IpcEvent, payload: unknown) => {
      for (const handler of handlers.get(event) ?? []) handler(payload);
    };
    return { transport, emit, count: (event: IpcEvent) => handlers.get(event)?.size ?? 0 };
  }

  it('builds one subscription per event: malformed payloads never reach the page, an opened file waits for the first listener, a menu command does not', () => {
    const { transport, emit, count } = fakeTransport();
    const events = createAccordEvents(transport);
    expect(Object.keys(events).sort()).toEqual(['onMenuCommand', 'onOpenFile']);

    emit('file:open-accord', { name: 'Early.accord', content: '{}' });
    emit('file:open-accord', { name: '../Evil.accord', content: '{}' });
    emit('menu:command', 'workshop:new'); // nobody listens: dropped, as Electron's own events are
    const files: unknown[] = [];
    const commands: unknown[] = [];
    events.onOpenFile((file) => files.push(file));
    const unsubscribe = events.onMenuCommand((command) => commands.push(command));
    emit('menu:command', 'edit:undo');
    emit('menu:command', 'shell:open-external');
    emit('file:open-accord', { name: 'Later.accord', content: '[]' });
    unsubscribe();
    emit('menu:command', 'edit:redo');

    expect(files).toEqual([{ name: 'Early.accord', content: '{}' }, { name: 'Later.accord', content: '[]' }]);
    expect(commands).toEqual(['edit:undo']);
    expect(count('menu:command')).toBe(0);
  });
});
