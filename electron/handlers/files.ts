import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportFileExtensions, type ExportFileKind, type IpcResponse, type IpcValidRequest } from '../../shared/ipc/contract';
import type { Host } from './host';

const dialogFilterNames: Record<ExportFileKind, string> = {
  accord: 'Accord agreement',
  markdown: 'Markdown',
  json: 'JSON',
  csv: 'CSV',
  pdf: 'PDF document',
  library: 'Accord library',
};

/** Adds the kind's extension unless the name already ends with it. */
export function withExtension(name: string, kind: ExportFileKind): string {
  const extension = exportFileExtensions[kind];
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

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

/** `file:save-text`: asks where to save, then writes atomically. */
export async function saveTextFile(host: Host, request: IpcValidRequest<'file:save-text'>): Promise<IpcResponse<'file:save-text'>> {
  const defaultName = withExtension(request.suggestedName, request.kind);
  const path = await host.showSaveDialog({
    title: 'Save as',
    defaultName,
    filters: [{ name: dialogFilterNames[request.kind], extensions: [exportFileExtensions[request.kind]] }],
  });
  if (path === null) return { saved: false };
  const bytes = Buffer.byteLength(request.content, 'utf8');
  await writeFileAtomic(path, request.content);
  return { saved: true, path, bytes };
}
