/** The part of fontkit (pdfkit's own font parser) the documents use: parse a font file once, for every PDF. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
