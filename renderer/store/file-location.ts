/**
 * "Show in folder" after an export: the system's file manager opened on the
 * file. Main shows only files it saved in this session; where there is no
 * file manager (the Chromium shell) it says so, with the path.
 */
import { accord, hasShell } from '../platform/accord';

/** Whether "Show in folder" can be offered at all (a desktop shell is present). */
export function canShowInFolder(): boolean {
  return hasShell();
}

/** Shows the file; resolves with why it was not shown, or null when it was. */
export async function showFileInFolder(path: string): Promise<string | null> {
  try {
    const result = await accord.showInFolder({ path });
    return result.shown ? null : result.reason;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
