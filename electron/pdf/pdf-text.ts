/**
 * The text a PDF's pages show, read from their content streams through each
 * font's ToUnicode map (Chromium writes Type0 fonts with 2-byte codes and a
 * ToUnicode CMap). Enough to check that a hash is printed on the pages; not a
 * layout engine: text is joined in drawing order.
 */
import { isDict, isKeyword, isName, isStream, isString, PdfLexer, PdfStructureError, type PdfDict, type PdfStream, type PdfValue, type PdfView } from './pdf-structure';

interface FontDecoder {
  codeLength: 1 | 2;
  map: Map<number, string>;
}

function parseCMap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const unicode = (hex: string) => {
    const bytes = Buffer.from(hex, 'hex');
    if (bytes.length % 2 === 1) return '';
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    return swapped.toString('utf16le');
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(pair[1]!, 16), unicode(pair[2]!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const low = parseInt(range[1]!, 16);
      const high = Math.min(parseInt(range[2]!, 16), low + 65_535);
      const target = range[3]!;
      if (target.startsWith('[')) {
        const items = [...target.matchAll(/<([0-9a-fA-F]*)>/g)].map((item) => unicode(item[1]!));
        for (let code = low; code <= high && code - low < items.length; code += 1) map.set(code, items[code - low]!);
      } else {
        const base = Buffer.from(target.slice(1, -1), 'hex');
        for (let code = low; code <= high; code += 1) {
          const bytes = Buffer.from(base);
          if (bytes.length >= 2) bytes.writeUInt16BE((bytes.readUInt16BE(bytes.length - 2) + code - low) & 0xffff, bytes.length - 2);
          map.set(code, unicode(bytes.toString('hex')));
        }
      }
    }
  }
  return map;
}

function fontDecoder(view: PdfView, font: PdfValue | undefined): FontDecoder {
  if (!isDict(font)) return { codeLength: 1, map: new Map() };
  const subtype = view.get(font, 'Subtype');
  const codeLength = isName(subtype) && subtype.name === 'Type0' ? 2 : 1;
  const toUnicode = view.get(font, 'ToUnicode');
  return { codeLength, map: isStream(toUnicode) ? parseCMap(view.decode(toUnicode).toString('latin1')) : new Map() };
}

function decodeString(bytes: Buffer, font: FontDecoder | undefined): string {
  if (!font) return bytes.toString('latin1');
  let text = '';
  for (let at = 0; at + font.codeLength <= bytes.length; at += font.codeLength) {
    const code = font.codeLength === 2 ? bytes.readUInt16BE(at) : bytes[at]!;
    text += font.map.get(code) ?? (font.codeLength === 1 ? String.fromCharCode(code) : '');
  }
  return text;
}

function contentText(view: PdfView, data: Buffer, resources: PdfValue | undefined, depth: number, budget: { left: number }): string {
  if (depth > 8) throw new PdfStructureError('form XObjects are nested too deeply');
  const fonts = isDict(resources) ? view.get(resources, 'Font') : undefined;
  const xobjects = isDict(resources) ? view.get(resources, 'XObject') : undefined;
  const decoders = new Map<string, FontDecoder>();
  let current: FontDecoder | undefined;
  const lexer = new PdfLexer(data);
  const operands: PdfValue[] = [];
  let text = '';
  while (!lexer.atEnd()) {
    budget.left -= 1;
    if (budget.left < 0) throw new PdfStructureError('the pages hold too much content to read');
    const token = lexer.next();
    if (!isKeyword(token)) {
      operands.push(token);
      continue;
    }
    const operator = token.word;
    if (operator === 'BI') {
      // An inline image: skip its data up to "EI" standing alone.
      const end = data.indexOf('EI', lexer.position);
      lexer.position = end < 0 ? data.length : end + 2;
    } else if (operator === 'Tf') {
      const name = operands[operands.length - 2];
      if (isName(name)) {
        if (!decoders.has(name.name)) decoders.set(name.name, fontDecoder(view, isDict(fonts) ? view.get(fonts, name.name) : undefined));
        current = decoders.get(name.name);
      }
    } else if (operator === 'Tj' || operator === "'" || operator === '"') {
      const shown = operands[operands.length - 1];
      if (isString(shown)) text += decodeString(shown.bytes, current);
    } else if (operator === 'TJ') {
      const shown = operands[operands.length - 1];
      if (Array.isArray(shown)) for (const item of shown) if (isString(item)) text += decodeString(item.bytes, current);
    } else if (operator === 'ET') {
      text += '\n';
    } else if (operator === 'Do') {
      const name = operands[operands.length - 1];
      const xobject = isName(name) && isDict(xobjects) ? view.get(xobjects, name.name) : undefined;
      const subtype = isStream(xobject) ? view.get(xobject, 'Subtype') : undefined;
      if (isStream(xobject) && isName(subtype) && subtype.name === 'Form') text += contentText(view, view.decode(xobject), view.get(xobject, 'Resources') ?? resources, depth + 1, budget);
    }
    operands.length = 0;
  }
  return text;
}

/** The pages of a view, in order (the page tree walked from the catalog), each with its inherited resources. */
export function pagesOf(view: PdfView, catalog: PdfDict): { page: PdfDict; resources: PdfValue | undefined }[] {
  const pages: { page: PdfDict; resources: PdfValue | undefined }[] = [];
  const walk = (node: PdfValue | undefined, resources: PdfValue | undefined, depth: number) => {
    if (!isDict(node) || depth > 32 || pages.length > 10_000) throw new PdfStructureError('the page tree cannot be read');
    const own = view.get(node, 'Resources') ?? resources;
    const type = view.get(node, 'Type');
    if (isName(type) && type.name === 'Page') {
      pages.push({ page: node, resources: own });
      return;
    }
    const kids = view.get(node, 'Kids');
    if (!Array.isArray(kids)) throw new PdfStructureError('a page tree node has no /Kids');
    for (const kid of kids) walk(view.resolve(kid), own, depth + 1);
  };
  walk(view.get(catalog, 'Pages'), undefined, 0);
  return pages;
}

/** The text every page shows, one string per page. */
export function pageTexts(view: PdfView, catalog: PdfDict): string[] {
  const budget = { left: 5_000_000 };
  return pagesOf(view, catalog).map(({ page, resources }) => {
    const contents = view.get(page, 'Contents');
    const streams = (Array.isArray(contents) ? contents.map((item) => view.resolve(item)) : [contents]).filter((item): item is PdfStream => isStream(item));
    // Content streams of one page are one stream cut in pieces (PDF 32000-1, 7.8.2).
    const data = Buffer.concat(streams.flatMap((stream) => [view.decode(stream), Buffer.from('\n')]));
    return contentText(view, data, resources, 0, budget);
  });
}
