import { describe, expect, it } from 'vitest';
import { accordApiChannels, createAccordApi } from '../../../shared/ipc/api';
import { ipcContract, isIpcChannel, SuggestedFileNameSchema } from '../../../shared/ipc/contract';

describe('IPC contract', () => {
  it('names every channel domain:verb-noun', () => {
    for (const channel of Object.keys(ipcContract)) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });
  it('exposes only channels of the contract', () => {
    for (const channel of Object.values(accordApiChannels)) expect(isIpcChannel(channel)).toBe(true);
    expect(isIpcChannel('toString')).toBe(false);
    expect(isIpcChannel('fs:read-any')).toBe(false);
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
    expect(calls).toEqual([['app:get-info', {}]]);
  });
});
