import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { EvidenceFileStore, EvidenceFileTooLargeError, EvidenceMediaTypeError } from './evidence-file-store';

const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(300, 7)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The bytes in chunks of `size` (1: the type must be judged across chunks). */
const chunked = (b: Buffer, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)));

describe('EvidenceFileStore', () => {
  let dir: string;
  let store: EvidenceFileStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casetrail-evidence-'));
    store = new EvidenceFileStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const temporary = () => (existsSync(path.join(dir, 'tmp')) ? readdirSync(path.join(dir, 'tmp')) : []);

  it('hashes what it receives byte by byte, keeps it aside until placed, then at its address', async () => {
    const received = await store.receive(chunked(PNG, 1), { maxBytes: 1000, declared: 'application/octet-stream' });
    expect(received).toMatchObject({ sha256: sha(PNG), sizeBytes: PNG.length, contentType: 'image/png' });
    expect(readFileSync(received.tempPath).equals(PNG)).toBe(true);
    expect(existsSync(store.pathOf(sha(PNG))!)).toBe(false);
    await store.place(received);
    expect(readFileSync(path.join(dir, sha(PNG).slice(0, 2), sha(PNG).slice(2))).equals(PNG)).toBe(true);
    expect(temporary()).toEqual([]);
    await expect(store.check(sha(PNG))).resolves.toBe('intact');
  });

  it('tells an altered file from a missing one', async () => {
    await store.place(await store.receive(chunked(PNG, 64), { maxBytes: 1000, declared: 'image/png' }));
    writeFileSync(store.pathOf(sha(PNG))!, Buffer.concat([PNG, Buffer.from([0])]));
    await expect(store.check(sha(PNG))).resolves.toBe('altered');
    rmSync(store.pathOf(sha(PNG))!);
    await expect(store.check(sha(PNG))).resolves.toBe('missing');
  });

  it('refuses bytes the declared type does not fit before writing any; a body over the limit leaves no partial file', async () => {
    await expect(store.receive(chunked(PNG, 3), { maxBytes: 1000, declared: 'image/jpeg' })).rejects.toEqual(
      new EvidenceMediaTypeError('image/jpeg', 'image/png'),
    );
    expect(existsSync(path.join(dir, 'tmp'))).toBe(false);
    await expect(store.receive(chunked(PNG, 50), { maxBytes: 200, declared: 'image/png' })).rejects.toBeInstanceOf(
      EvidenceFileTooLargeError,
    );
    expect(temporary()).toEqual([]);
    const discarded = await store.receive(chunked(PNG, 50), { maxBytes: 1000, declared: 'image/png' });
    await store.discard(discarded);
    expect(temporary()).toEqual([]);
  });

  it('an address is a lower-case SHA-256 and nothing else (no path can be smuggled in)', async () => {
    expect(store.pathOf('../../etc/passwd')).toBeNull();
    expect(store.pathOf('AB'.repeat(32))).toBeNull();
    await expect(store.open(`../${'a'.repeat(61)}`)).resolves.toBeNull();
    expect(store.pathOf('ab'.repeat(32))).toBe(path.join(dir, 'ab', 'ab'.repeat(31)));
  });
});
