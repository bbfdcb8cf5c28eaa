/**
 * Opening `.accord` files from outside the page: double-click (macOS
 * `open-file`, the command line of the first launch and of `second-instance`
 * on Windows and Linux), File → Open… and Open Recent. Pure or plain Node, so
 * it is unit-tested without Electron; main and the Chromium shell both use it.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAccordFile } from '../../shared/ipc/contract';
import { accordFileTooLargeMessage, MAX_ACCORD_FILE_BYTES } from '../../shared/model/limits';

/** How many recent files the menu lists. */
export const MAX_RECENT_FILES = 10;

/** Whether a path names an `.accord` file (by its extension, any case). */
export function isAccordPath(path: string): boolean {
  return extname(path).toLowerCase() === '.accord';
}

/**
 * The `.accord` files named on a command line, as absolute paths, in order,
 * without repeats. The first entry (the executable) is skipped, so are flags
 * (`--inspect`, Chromium's switches that Windows appends to a second
 * instance's argv, macOS's `-psn_…`) and anything that is not an `.accord`
 * file (the app's own path when run unpackaged, `.`). `file://` URLs (Linux
 * desktop entries pass `%U`) become paths; relative paths are resolved
 * against the working directory of the process that received them.
 */
export function accordPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const paths: string[] = [];
  for (const argument of argv.slice(1)) {
    if (argument.length === 0 || argument.startsWith('-')) continue;
    let path = argument;
    if (/^file:\/\//iu.test(argument)) {
      try {
        path = fileURLToPath(argument);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(argument)) {
      // Any other URL (https://…): never fetched, never opened.
      continue;
    }
    if (!isAccordPath(path)) continue;
    const absolute = isAbsolute(path) ? path : resolve(workingDirectory, path);
    if (!paths.includes(absolute)) paths.push(absolute);
  }
  return paths;
}

/** The small part of `node:fs/promises` that reading a file needs (injectable for tests). */
export interface ReadFileSystem {
  stat(path: string): Promise<{ isFile(): boolean; size: number }>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

const nodeFileSystem: ReadFileSystem = { stat, readFile: (path, encoding) => readFile(path, encoding) };

/**
 * Reads an `.accord` file for the renderer: only `.accord` files, only regular
 * files, at most MAX_ACCORD_FILE_BYTES (the same limit and words as the library’s Import).
 * Throws an Error whose message can be shown as is. The content is not
 * trusted here: the renderer parses and validates it fully before anything is
 * written, exactly as for the Import button.
 */
export async function readAccordFile(path: string, fileSystem: ReadFileSystem = nodeFileSystem): Promise<OpenAccordFile> {
  const name = basename(path);
  if (!isAccordPath(path)) throw new Error(`${name} is not an Accord file (.accord).`);
  let info: { isFile(): boolean; size: number };
  try {
    info = await fileSystem.stat(path);
  } catch {
    throw new Error(`${name} could not be opened: it does not exist or cannot be read.`);
  }
  if (!info.isFile()) throw new Error(`${name} is not a file.`);
  if (info.size > MAX_ACCORD_FILE_BYTES) throw new Error(accordFileTooLargeMessage(name));
  try {
    return { name, content: await fileSystem.readFile(path, 'utf8') };
  } catch {
    throw new Error(`${name} could not be read.`);
  }
}

/** The recent-files list with `path` first, without repeats, at most `max` long. */
export function addRecentFile(list: readonly string[], path: string, max: number = MAX_RECENT_FILES): string[] {
  return [path, ...list.filter((entry) => entry !== path)].slice(0, max);
}

/** A stored recent-files list, validated: anything malformed is dropped rather than trusted. */
export function parseRecentFiles(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { files?: unknown }).files)) return [];
  const files = (value as { files: unknown[] }).files.filter((entry): entry is string => typeof entry === 'string' && entry.length <= 4096 && isAbsolute(entry) && isAccordPath(entry));
  return [...new Set(files)].slice(0, MAX_RECENT_FILES);
}

/** Reads the recent-files list kept in the app's data folder; an absent or damaged file is an empty list. */
export async function loadRecentFiles(storePath: string): Promise<string[]> {
  try {
    return parseRecentFiles(JSON.parse(await readFile(storePath, 'utf8')));
  } catch {
    return [];
  }
}

/** Writes the recent-files list atomically (temporary file, then rename). */
export async function saveRecentFiles(storePath: string, files: readonly string[]): Promise<void> {
  const temporary = `${storePath}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify({ files }), 'utf8');
  await rename(temporary, storePath);
}
