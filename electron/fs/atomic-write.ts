/**
 * Writing files so that a reader never sees half of one: replaced atomically
 * (temporary sibling, then rename) or created exclusively (never replacing a
 * file). Plain Node, below every other electron/ module: handlers, the
 * sealing and trust stores, the window state and the CLI all write through it.
 */
import { link, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, extname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that it is either completely there or not changed at all:
 * write to a temporary sibling, flush, then rename over the target.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** "name.ext", "name (2).ext", "name (3).ext"…: the names a save that never overwrites tries, in order. */
export function candidateName(path: string, attempt: number): string {
  if (attempt <= 1) return path;
  const extension = extname(path);
  return join(dirname(path), `${basename(path, extension)} (${attempt})${extension}`);
}

/** How many names a save that never overwrites tries before it gives up. */
export const MAX_NAME_ATTEMPTS = 1000;

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Creates a new file, never replacing one: complete or not there at all, and
 * exclusive even against saves running at the same moment. The content is
 * written to a temporary sibling, then hard-linked to the name (link fails
 * when the name exists: the kernel's exclusive create, like open "wx", but
 * the name only ever shows the whole file). A taken name moves on to
 * "name (2).ext" and so on. Where links cannot be made (some FAT or network
 * drives) it falls back to open "wx" and writing in place. Returns the path written.
 */
export async function writeFileNew(path: string, content: string | Uint8Array): Promise<string> {
  return createFile(path, content, MAX_NAME_ATTEMPTS);
}

/** A file that was there already: what `writeFileCreate` throws instead of replacing it. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${basename(path)} already exists`);
    this.name = 'FileExistsError';
  }
}

/**
 * Creates exactly this file, never replacing one, as `writeFileNew` does but without moving on to a numbered name:
 * a file already there (or written at the same moment by another save) is a FileExistsError. For the command line,
 * whose "already exists; use --force" check would otherwise race with another writer.
 */
export async function writeFileCreate(path: string, content: string | Uint8Array): Promise<void> {
  await createFile(path, content, 1);
}

/** A command's output: replaced when the person said so (--force), else created exclusively (FileExistsError if taken). */
export async function writeOutputFile(path: string, content: string | Uint8Array, replace: boolean): Promise<void> {
  if (replace) await writeFileAtomic(path, content);
  else await writeFileCreate(path, content);
}

async function createFile(path: string, content: string | Uint8Array, attempts: number): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let linked = true;
  try {
    await writeFile(temporary, content, { flush: true });
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const candidate = candidateName(path, attempt);
      try {
        if (linked) await link(temporary, candidate);
        else await writeExclusive(candidate, content);
        return candidate;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') continue;
        if (linked && ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(errorCode(error) ?? '')) {
          linked = false;
          attempt -= 1;
          continue;
        }
        throw error;
      }
    }
    if (attempts === 1) throw new FileExistsError(path);
    throw new Error(`Not saved: ${basename(path)} and the next ${attempts - 1} numbered names already exist in ${dirname(path)}. Choose another name or folder.`);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** open "wx" (fails if the name exists), write, flush; a partial file is removed. */
async function writeExclusive(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}
