import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accordPathsFromArgv, addRecentFile, isAccordPath, loadRecentFiles, MAX_RECENT_FILES, parseRecentFiles, readAccordFile, saveRecentFiles } from '../../../electron/main/open-files';
import { MAX_ACCORD_FILE_BYTES } from '../../../shared/model/limits';

describe('.accord paths on a command line', () => {
  it('keeps .accord files, skips the executable, the app path and flags', () => {
    expect(accordPathsFromArgv(['/opt/Accord/accord', '/home/ana/Acme.accord'], '/')).toEqual(['/home/ana/Acme.accord']);
    // Unpackaged: electron . FILE; the app path and Chromium's switches are not files to open.
    expect(accordPathsFromArgv(['/usr/bin/electron', '.', '--inspect=9229', '--allow-file-access-from-files', '/tmp/a.accord'], '/')).toEqual(['/tmp/a.accord']);
    // Windows appends switches to a second instance's argv; macOS adds -psn_…
    expect(accordPathsFromArgv(['C:\\Accord\\Accord.exe', '--original-process-start-time=133', '-psn_0_12345', '/tmp/b.ACCORD'], '/')).toEqual(['/tmp/b.ACCORD']);
  });

  it('resolves relative paths against the working directory of the instance that received them', () => {
    expect(accordPathsFromArgv(['accord', 'Acme.accord', 'sub/Globex.accord'], '/home/ana')).toEqual(['/home/ana/Acme.accord', '/home/ana/sub/Globex.accord']);
  });

  it('turns file:// URLs into paths (Linux desktop entries pass %U) and ignores any other URL', () => {
    expect(accordPathsFromArgv(['accord', pathToFileURL('/home/ana/My deal.accord').href, 'https://example.com/x.accord'], '/')).toEqual(['/home/ana/My deal.accord']);
  });

  it('ignores other files and repeats', () => {
    expect(accordPathsFromArgv(['accord', '/a/report.pdf', '/a/x.accord', '/a/x.accord', '/a/notes.accord.txt', ''], '/')).toEqual(['/a/x.accord']);
    expect(isAccordPath('/a/B.Accord')).toBe(true);
    expect(isAccordPath('/a/accord')).toBe(false);
  });
});

describe('reading an opened .accord file', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'accord-open-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('returns the bare name and the text', async () => {
    const path = join(folder, 'Acme.accord');
    await writeFile(path, '{"format":"accord"}', 'utf8');
    await expect(readAccordFile(path)).resolves.toEqual({ name: 'Acme.accord', content: '{"format":"accord"}' });
  });

  it('refuses other extensions, folders, missing files and files over 20 MB, with a message', async () => {
    await expect(readAccordFile(join(folder, 'notes.txt'))).rejects.toThrow('notes.txt is not an Accord file (.accord).');
    await mkdir(join(folder, 'folder.accord'));
    await expect(readAccordFile(join(folder, 'folder.accord'))).rejects.toThrow('folder.accord is not a file.');
    await expect(readAccordFile(join(folder, 'gone.accord'))).rejects.toThrow('gone.accord could not be opened');
    const huge = { stat: async () => ({ isFile: () => true, size: MAX_ACCORD_FILE_BYTES + 1 }), readFile: async () => 'never read' };
    await expect(readAccordFile('/x/huge.accord', huge)).rejects.toThrow('huge.accord is larger than 20 MB; it is not an Accord file.');
  });
});

describe('recent files', () => {
  it('puts the newest first, without repeats, at most ten', () => {
    expect(addRecentFile(['/a.accord', '/b.accord'], '/b.accord')).toEqual(['/b.accord', '/a.accord']);
    const many = Array.from({ length: 15 }, (_, index) => `/f${index}.accord`);
    expect(many.reduce<string[]>((list, path) => addRecentFile(list, path), [])).toHaveLength(MAX_RECENT_FILES);
  });

  it('drops anything malformed from the stored list', () => {
    expect(parseRecentFiles({ files: ['/a.accord', 3, 'relative.accord', '/b.pdf', '/a.accord', '/c.accord'] })).toEqual(['/a.accord', '/c.accord']);
    expect(parseRecentFiles(null)).toEqual([]);
    expect(parseRecentFiles({ files: 'nope' })).toEqual([]);
  });

  it('survives a round trip, and a missing or damaged file reads as empty', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'accord-recent-'));
    try {
      const store = join(folder, 'recent-files.json');
      expect(await loadRecentFiles(store)).toEqual([]);
      await saveRecentFiles(store, ['/x.accord']);
      expect(await loadRecentFiles(store)).toEqual(['/x.accord']);
      await writeFile(store, '{damaged', 'utf8');
      expect(await loadRecentFiles(store)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
