import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join, relative, isAbsolute } from 'node:path';
import type { IpcResponse, IpcValidRequest } from '../../shared/ipc/contract';
import { backupsToKeep, formatBackupName, parseBackupName } from '../../shared/model/backup-names';
import { readLibraryHeader } from '../../shared/model/library-file';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Host } from './host';

/** The folder of the automatic backups, inside the app's data folder. */
export function backupsDir(host: Pick<Host, 'userDataDir'>): string {
  return join(host.userDataDir, 'backups');
}

/** How much of a file the list reads to show its counts (the header is a few hundred bytes). */
const HEADER_BYTES = 4096;

async function backupNames(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).filter((name) => parseBackupName(name) !== null);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The path of a backup by name, refusing anything that is not a backup file
 * name of the folder (the contract already refuses it; this is the second
 * lock, for any caller that is not the dispatcher).
 */
export function backupPath(host: Pick<Host, 'userDataDir'>, name: string): string {
  const directory = backupsDir(host);
  const path = join(directory, name);
  const inside = relative(directory, path);
  if (parseBackupName(name) === null || basename(name) !== name || inside !== name || isAbsolute(inside)) {
    throw new Error('This is not the name of an Accord backup.');
  }
  return path;
}

/**
 * `backup:write`: writes the library atomically as a new backup file, then
 * prunes the folder (backupsToKeep), never deleting the file just written nor
 * any file that is not a backup.
 */
export async function writeBackup(host: Host, request: IpcValidRequest<'backup:write'>): Promise<IpcResponse<'backup:write'>> {
  if (readLibraryHeader(request.content.slice(0, HEADER_BYTES)) === null) throw new Error('This is not an Accord library file; no backup was written.');
  const directory = backupsDir(host);
  const now = host.now();
  const existing = new Set(await backupNames(directory));
  let sequence = 1;
  while (existing.has(formatBackupName(now, request.reason, sequence))) sequence += 1;
  if (sequence > 99) throw new Error('Too many backups in the same second; try again.');
  const name = formatBackupName(now, request.reason, sequence);
  await writeFileAtomic(join(directory, name), request.content);
  const all = [...existing, name];
  const keep = new Set(backupsToKeep(all, now, { protect: name }));
  let removed = 0;
  for (const old of all) {
    if (keep.has(old)) continue;
    await rm(backupPath(host, old), { force: true });
    removed += 1;
  }
  return { name, bytes: Buffer.byteLength(request.content, 'utf8'), createdAt: parseBackupName(name)!.createdAt.toISOString(), reason: request.reason, workshops: readLibraryHeader(request.content.slice(0, HEADER_BYTES))?.counts.workshops ?? null, removed };
}

async function readStart(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** `backup:list`: every backup in the folder, newest first, with its size and how many workshops it holds. */
export async function listBackups(host: Host): Promise<IpcResponse<'backup:list'>> {
  const directory = backupsDir(host);
  const entries = (await backupNames(directory)).map((name) => parseBackupName(name)!);
  entries.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.sequence - a.sequence);
  const listed: IpcResponse<'backup:list'> = [];
  for (const entry of entries.slice(0, 500)) {
    const path = backupPath(host, entry.name);
    try {
      const { size } = await stat(path);
      const header = readLibraryHeader(await readStart(path));
      listed.push({ name: entry.name, bytes: size, createdAt: entry.createdAt.toISOString(), reason: entry.reason, workshops: header?.counts.workshops ?? null });
    } catch {
      // Deleted between the listing and the read (a prune): not a backup any more.
    }
  }
  return listed;
}

/** `backup:read`: the text of one backup, by name (checked by the contract and again here). */
export async function readBackup(host: Host, request: IpcValidRequest<'backup:read'>): Promise<IpcResponse<'backup:read'>> {
  const path = backupPath(host, request.name);
  try {
    return { name: request.name, content: await readFile(path, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`The backup ${request.name} is not there any more.`, { cause: error });
    throw error;
  }
}
