/**
 * Reading the head of a chosen export (encoding, delimiter, header, first rows,
 * column profiles) and suggesting a mapping. Loaded with the calibration panel.
 */
import { detectDelimiter, detectEncoding, looksBinary, parseCsvText } from '../../shared/engines/csv/csv';
import { profileColumns } from '../../shared/engines/calibration/suggest';
import type { FilePreview } from './calibration-store';

const PREVIEW_BYTES = 512 * 1024;

/** Reads the head of a file: encoding, delimiter, header, first rows and column profiles. Throws with a message on a file that is not a CSV. */
export async function previewFile(file: File): Promise<FilePreview> {
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const { encoding, bomLength } = detectEncoding(bytes.subarray(0, 4096));
  let text = new TextDecoder(encoding).decode(bytes.subarray(bomLength));
  if (looksBinary(text)) throw new Error(`${file.name} is not a text CSV file (it looks like binary data).`);
  // Drop the last, possibly cut, line when the file is longer than the preview.
  if (file.size > PREVIEW_BYTES) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
  const delimiter = detectDelimiter(text);
  const { rows } = parseCsvText(text, delimiter);
  const header = (rows[0] ?? []).map((name) => name.trim());
  if (header.length < 2) throw new Error(`${file.name} has no header row with columns (found ${header.length === 0 ? 'nothing' : `“${header[0]}”`}).`);
  const body = rows.slice(1).filter((row) => !(row.length === 1 && row[0] === ''));
  return { name: file.name, size: file.size, encoding, delimiter, header, rows: body.slice(0, 8), columns: profileColumns(header, body.slice(0, 2000)) };
}


export { suggestMapping } from '../../shared/engines/calibration/suggest';
export { compileScoring } from '../../shared/engines/scoring/scoring';
export { parseMapping } from '../../shared/engines/calibration/mapping';
export { CalibrationRepository } from '../db/calibration-repository';
