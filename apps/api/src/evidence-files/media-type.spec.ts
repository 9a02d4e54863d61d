import { declaredFits, declaredMediaType, sniffMediaType } from './media-type';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (brand: string) => bytes([0, 0, 0, 0x20], 'ftyp', brand, [0, 0, 2, 0]);

describe('evidence media types by their first bytes', () => {
  it.each([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3'), 'application/pdf'],
    ['WAV', bytes('RIFF', [0x24, 0x08, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['MP4 video (isom)', ftyp('isom'), 'video/mp4'],
    ['M4A', ftyp('M4A '), 'audio/mp4'],
    ['QuickTime', ftyp('qt  '), 'video/quicktime'],
    ['MP3 with an ID3 tag', bytes('ID3', [4, 0, 0, 0, 0, 0, 0x21]), 'audio/mpeg'],
    ['MP3 frame (MPEG-1 layer III)', bytes([0xff, 0xfb, 0x90, 0x64, 0, 0]), 'audio/mpeg'],
  ])('%s', (_name, head, type) => {
    expect(sniffMediaType(head)).toBe(type);
  });

  it.each([
    ['plain text', bytes('hello, world, this is text')],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['ADTS AAC (layer 00 is not MPEG audio)', bytes([0xff, 0xf1, 0x50, 0x80])],
    ['a ZIP (DOCX)', bytes('PK\x03\x04', [20, 0, 6, 0])],
    ['nothing', Buffer.alloc(0)],
    ['too short to tell an ftyp brand', bytes([0, 0, 0, 0x20], 'ftyp')],
  ])('%s is none of them', (_name, head) => {
    expect(sniffMediaType(head)).toBeNull();
  });

  it('reads the declared Content-Type without parameters, by its aliases; unknown types are none', () => {
    expect(declaredMediaType('image/JPEG; charset=binary')).toBe('image/jpeg');
    expect(declaredMediaType('image/jpg')).toBe('image/jpeg');
    expect(declaredMediaType('audio/x-wav')).toBe('audio/wav');
    expect(declaredMediaType('audio/x-m4a')).toBe('audio/mp4');
    expect(declaredMediaType('application/octet-stream')).toBe('application/octet-stream');
    expect(declaredMediaType('text/plain')).toBeNull();
    expect(declaredMediaType(undefined)).toBeNull();
  });

  it('a declared type fits only the bytes it names (an MP4 container either way; octet-stream leaves it to the bytes)', () => {
    expect(declaredFits('image/png', 'image/png')).toBe(true);
    expect(declaredFits('image/png', 'application/pdf')).toBe(false);
    expect(declaredFits('image/jpeg', 'image/png')).toBe(false);
    expect(declaredFits('audio/mp4', 'video/mp4')).toBe(true);
    expect(declaredFits('video/mp4', 'audio/mp4')).toBe(true);
    expect(declaredFits('audio/mpeg', 'audio/mp4')).toBe(false);
    expect(declaredFits('application/octet-stream', 'audio/wav')).toBe(true);
  });
});
