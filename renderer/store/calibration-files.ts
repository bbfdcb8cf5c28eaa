/**
 * Reading the head of a chosen export (encoding, delimiter, header, first rows,
 * column profiles) and suggesting a mapping. Loaded with the calibration panel.
 */
import { detectDelimiter, looksBinary, parseCsvText } from '../../shared/engines/csv/csv';
import { newTextReading } from '../../shared/engines/csv/decode';
import { fileChunks } from '../workers/file-chunks';
import { profileColumns } from '../../shared/engines/calibration/suggest';
import type { FilePreview } from './file-preview';

const PREVIEW_CHARS = 512 * 1024;

/**
 * Reads a file's head for the preview (delimiter, header, first rows, column profiles) and the whole file for its
 * encoding: a Windows-1252 export whose first accent is on line 5,000 must not be previewed as UTF-8.
 * Throws with a message on a file that is not a CSV.
 */
export async function previewFile(file: File): Promise<FilePreview> {
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  const reading = newTextReading();
  let text = '';
  // Every chunk is decoded (that is how the encoding is judged); only the head is kept.
  for await (const chunk of fileChunks(file, undefined, reading)) {
    if (text.length >= PREVIEW_CHARS) continue;
    text += chunk.slice(0, PREVIEW_CHARS - text.length);
    // Known at the first chunk: a binary file is refused without reading the rest.
    if (looksBinary(text)) throw new Error(`${file.name} is not a text CSV file (it looks like binary data).`);
  }
  // Drop the last, possibly cut, line when the file is longer than the preview.
  if (text.length >= PREVIEW_CHARS) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
  const delimiter = detectDelimiter(text);
  const { rows } = parseCsvText(text, delimiter);
  const header = (rows[0] ?? []).map((name) => name.trim());
  if (header.length < 2) throw new Error(`${file.name} has no header row with columns (found ${header.length === 0 ? 'nothing' : `“${header[0]}”`}).`);
  const body = rows.slice(1).filter((row) => !(row.length === 1 && row[0] === ''));
  return { name: file.name, size: file.size, encoding: reading.encoding, reading, delimiter, header, rows: body.slice(0, 8), columns: profileColumns(header, body.slice(0, 2000)) };
}


export { suggestMapping } from '../../shared/engines/calibration/suggest';
export { compileScoring } from '../../shared/engines/scoring/scoring';
export { parseMapping } from '../../shared/engines/calibration/mapping';
export { CalibrationRepository } from '../db/calibration-repository';
