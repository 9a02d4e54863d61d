import { readFileSync } from 'node:fs';
import { Font, create } from 'fontkit';

/**
 * The fonts embedded (subsetted) in the PDFs: the body face and the bold face of titles and headings, parsed once
 * (parsing a 14 MB CJK font costs more than laying out a whole decision; each PDF still takes its own subset).
 */
export interface DocumentFonts {
  regular: Font;
  bold: Font;
  /** Where they were read from, for the operator. */
  source: string;
}

/** No font could be loaded: the PDF cannot be made (the API answers 503 naming the font). */
export class DocumentFontUnavailableError extends Error {
  constructor(
    readonly font: string,
    reason: string,
  ) {
    super(`文书字体无法加载：${font}（${reason}）(document font cannot be loaded)`);
    this.name = 'DocumentFontUnavailableError';
  }
}

/** The free font `npm ci` installs: Noto Serif SC (SIL Open Font License 1.1), full TrueType files. */
export const PACKAGED_FONT = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

function read(file: string): Font {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new DocumentFontUnavailableError(file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  // TrueType (00 01 00 00, 'true') or OpenType with CFF outlines ('OTTO'); a collection (.ttc) names no single face.
  const magic = bytes.subarray(0, 4).toString('latin1');
  if (!(magic === '\x00\x01\x00\x00' || magic === 'true' || magic === 'OTTO'))
    throw new DocumentFontUnavailableError(file, '不是 TrueType/OpenType 字体文件 (not a TrueType or OpenType font file)');
  try {
    return create(bytes);
  } catch (e) {
    throw new DocumentFontUnavailableError(file, `字体文件无法解析 (font file cannot be parsed: ${(e as Error).message})`);
  }
}

/**
 * The configured font (DOCUMENT_FONT_PATH, e.g. an agency's licensed 仿宋, used for body and titles alike), else the
 * packaged Noto Serif SC. Read once at start-up by the caller and kept: the files are large.
 */
export function loadDocumentFonts(configuredPath: string | null, resolve: (id: string) => string = require.resolve): DocumentFonts {
  if (configuredPath) {
    const font = read(configuredPath);
    return { regular: font, bold: font, source: configuredPath };
  }
  let regular: string;
  let bold: string;
  try {
    regular = resolve(PACKAGED_FONT.regular);
    bold = resolve(PACKAGED_FONT.bold);
  } catch {
    throw new DocumentFontUnavailableError(PACKAGED_FONT.regular, '字体包未安装 (font package not installed: run npm ci)');
  }
  return { regular: read(regular), bold: read(bold), source: regular };
}
