import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { FileHandle, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { EvidenceMediaType, SNIFF_BYTES, UNSPECIFIED, declaredFits, sniffMediaType } from './media-type';

/** A file received in full and synced in the temporary folder, not yet at its address. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  /** The declared type the bytes confirm (the sniffed one when none was declared). */
  contentType: EvidenceMediaType;
}

export class EvidenceFileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
  }
}

/** The first bytes show none of the evidence types, or not the declared one. */
export class EvidenceMediaTypeError extends Error {
  constructor(
    readonly declared: EvidenceMediaType | typeof UNSPECIFIED,
    readonly sniffed: EvidenceMediaType | null,
  ) {
    super(`declared ${declared}, bytes show ${sniffed ?? 'no evidence type'}`);
  }
}

export type StoredFileState = 'intact' | 'missing' | 'altered';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Evidence files kept by the SHA-256 of their bytes: `<dir>/ab/cdef…` (the first two hex digits as a folder, so no
 * folder grows past a few thousand entries). A file is written to `<dir>/tmp`, hashed while it streams, synced, and
 * renamed to its address only once its event is recorded; a refused upload leaves nothing behind.
 */
export class EvidenceFileStore {
  private readonly tmpDir: string;

  constructor(readonly dir: string) {
    this.tmpDir = path.join(dir, 'tmp');
  }

  /** Where the file of this hash lives (null for anything but a lower-case SHA-256, so no path can be smuggled in). */
  pathOf(sha256: string): string | null {
    return SHA256.test(sha256) ? path.join(this.dir, sha256.slice(0, 2), sha256.slice(2)) : null;
  }

  /**
   * Streams the body into a temporary file, hashing it on the way. The first bytes are judged before anything is
   * written (a mislabelled body writes no byte), and the size on every chunk; a refusal removes the partial file.
   * The body is left readable after a refusal, for the caller to drain or drop.
   */
  async receive(body: Readable, options: { maxBytes: number; declared: EvidenceMediaType | typeof UNSPECIFIED }): Promise<ReceivedFile> {
    let head = Buffer.alloc(0);
    let size = 0;
    let temp: TempFile | undefined;
    try {
      // Not destroyed on a refusal: the caller answers first, then drops the rest of the request.
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > options.maxBytes) throw new EvidenceFileTooLargeError(options.maxBytes);
        if (temp) {
          await temp.write(chunk);
          continue;
        }
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) continue;
        temp = await this.begin(head, options.declared);
      }
      temp ??= await this.begin(head, options.declared);
      return await temp.finish();
    } catch (e) {
      await temp?.abort();
      throw e;
    }
  }

  /** Judges the first bytes, then opens the temporary file with them written. */
  private async begin(head: Buffer, declared: EvidenceMediaType | typeof UNSPECIFIED): Promise<TempFile> {
    const sniffed = sniffMediaType(head);
    if (!sniffed || !declaredFits(declared, sniffed)) throw new EvidenceMediaTypeError(declared, sniffed);
    await mkdir(this.tmpDir, { recursive: true });
    const tempPath = path.join(this.tmpDir, `${randomUUID()}.part`);
    const temp = new TempFile(tempPath, await open(tempPath, 'wx'), declared === UNSPECIFIED ? sniffed : declared);
    await temp.write(head);
    return temp;
  }

  /** Moves a received file to its address (the same bytes already there are simply replaced) and syncs its folder. */
  async place(received: ReceivedFile): Promise<void> {
    const target = this.pathOf(received.sha256)!;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(received.tempPath, target);
    const folder = await open(path.dirname(target), 'r');
    await folder.sync().finally(() => folder.close());
  }

  /** Removes a received file whose step was refused. */
  async discard(received: ReceivedFile): Promise<void> {
    await unlink(received.tempPath).catch(() => undefined);
  }

  /** The stored bytes of this hash, or null when there is no such file. */
  async open(sha256: string): Promise<{ stream: Readable; sizeBytes: number } | null> {
    const file = this.pathOf(sha256);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return null;
    return { stream: createReadStream(file), sizeBytes: info.size };
  }

  /** Whether the stored bytes still hash to their address (read in full: the cost of a check is the file's size). */
  async check(sha256: string): Promise<StoredFileState> {
    const stored = await this.open(sha256);
    if (!stored) return 'missing';
    const hash = createHash('sha256');
    for await (const chunk of stored.stream) hash.update(chunk as Buffer);
    return hash.digest('hex') === sha256 ? 'intact' : 'altered';
  }
}

/** A file being received: its bytes hashed as they are written. */
class TempFile {
  private readonly hash = createHash('sha256');
  private size = 0;

  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly contentType: EvidenceMediaType,
  ) {}

  async write(bytes: Buffer): Promise<void> {
    this.hash.update(bytes);
    this.size += bytes.length;
    await this.handle.write(bytes);
  }

  /** Synced before it is named anywhere: an event never names bytes still in the page cache only. */
  async finish(): Promise<ReceivedFile> {
    await this.handle.sync();
    await this.handle.close();
    return { tempPath: this.path, sha256: this.hash.digest('hex'), sizeBytes: this.size, contentType: this.contentType };
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }
}
