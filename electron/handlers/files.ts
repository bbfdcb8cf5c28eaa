import { exportFileExtensions, type ExportFileKind, type IpcResponse, type IpcValidRequest } from '../../shared/ipc/contract';
import { writeFileAtomic, writeFileNew } from '../fs/atomic-write';
import type { Host, SaveTarget } from './host';

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

/** Writes where the save dialog said: replacing the file only when the person confirmed it, else as a new file. Returns the path written. */
export async function writeChosenFile(target: SaveTarget, content: string | Uint8Array): Promise<string> {
  if (target.replace) {
    await writeFileAtomic(target.path, content);
    return target.path;
  }
  return writeFileNew(target.path, content);
}

/** `file:save-text`: asks where to save, then writes atomically. */
export async function saveTextFile(host: Host, request: IpcValidRequest<'file:save-text'>): Promise<IpcResponse<'file:save-text'>> {
  const defaultName = withExtension(request.suggestedName, request.kind);
  const target = await host.showSaveDialog({
    title: 'Save as',
    defaultName,
    filters: [{ name: dialogFilterNames[request.kind], extensions: [exportFileExtensions[request.kind]] }],
  });
  if (target === null) return { saved: false };
  const bytes = Buffer.byteLength(request.content, 'utf8');
  const path = await writeChosenFile(target, request.content);
  return { saved: true, path, bytes };
}
