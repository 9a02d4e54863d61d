/**
 * The media types an evidence file may have, told by its first bytes (magic numbers), never by its name or by what
 * the uploader declares alone: a declared type the bytes contradict is refused (docs/evidence-files.md).
 */
export const EVIDENCE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
  'audio/mp4',
  'audio/mpeg',
  'audio/wav',
] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** Bytes enough to tell every type above (an ISO BMFF `ftyp` box names its brand in bytes 8–11). */
export const SNIFF_BYTES = 16;

/** Other names clients send for the same types. `application/octet-stream`: the bytes alone decide. */
const ALIASES: Record<string, EvidenceMediaType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
};
export const UNSPECIFIED = 'application/octet-stream';

/** Every Content-Type the upload route reads (the rest are refused by Fastify with 415 before the route runs). */
export const ACCEPTED_CONTENT_TYPES: readonly string[] = [...EVIDENCE_MEDIA_TYPES, ...Object.keys(ALIASES), UNSPECIFIED];

/** The declared media type, parameters dropped and aliases resolved; null when it is none of ours. */
export function declaredMediaType(contentType: string | undefined): EvidenceMediaType | typeof UNSPECIFIED | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === UNSPECIFIED) return UNSPECIFIED;
  if ((EVIDENCE_MEDIA_TYPES as readonly string[]).includes(type)) return type as EvidenceMediaType;
  return ALIASES[type] ?? null;
}

const ascii = (head: Uint8Array, at: number, text: string) =>
  head.length >= at + text.length && [...text].every((c, i) => head[at + i] === c.charCodeAt(0));

/** The type the first bytes show, or null when they show none of the evidence types. */
export function sniffMediaType(head: Uint8Array): EvidenceMediaType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(head, 0, '\x89PNG\r\n\x1a\n')) return 'image/png';
  if (ascii(head, 0, '%PDF-')) return 'application/pdf';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'audio/wav';
  if (ascii(head, 4, 'ftyp')) {
    // ISO BMFF (ISO/IEC 14496-12): the major brand says audio-only M4A/M4B, QuickTime, or MP4 video.
    if (ascii(head, 8, 'M4A ') || ascii(head, 8, 'M4B ')) return 'audio/mp4';
    if (ascii(head, 8, 'qt  ')) return 'video/quicktime';
    return head.length >= 12 ? 'video/mp4' : null;
  }
  if (ascii(head, 0, 'ID3')) return 'audio/mpeg';
  // An MPEG audio frame header: 11 sync bits, then a layer that is not the reserved 00 (ADTS AAC uses 00).
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0) return 'audio/mpeg';
  return null;
}

/** An MP4 container holds audio or video alike: either label fits the bytes of the other. */
const SAME_CONTAINER: Partial<Record<EvidenceMediaType, EvidenceMediaType[]>> = {
  'video/mp4': ['audio/mp4'],
  'audio/mp4': ['video/mp4'],
};

/** Whether the declared type fits the sniffed one. */
export function declaredFits(declared: EvidenceMediaType | typeof UNSPECIFIED, sniffed: EvidenceMediaType): boolean {
  return declared === UNSPECIFIED || declared === sniffed || (SAME_CONTAINER[sniffed] ?? []).includes(declared);
}
