import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The entry's content, in pieces (a 500 MB entry is never held whole). */
  content: () => Iterable<Buffer>;
  /** The uncompressed size the central directory declares; by default the true one. A zip bomb lies. */
  declaredSize?: number;
}

interface Written {
  name: Buffer;
  offset: number;
  compressed: number;
  size: number;
  crc: number;
}

/**
 * Writes a deflated zip the way an attacker can: the content streamed through deflate (500 MB of
 * one repeated line become about 500 KB), and any uncompressed size declared. No zip64: sizes under 4 GiB.
 */
export async function writeZip(path: string, entries: ZipEntrySpec[]): Promise<void> {
  const fd = openSync(path, 'w');
  let at = 0;
  const write = (bytes: Buffer) => {
    writeSync(fd, bytes);
    at += bytes.length;
  };
  try {
    const written: Written[] = [];
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8');
      const offset = at;
      write(localHeader(name));
      const { compressed, size, crc } = await deflateInto(entry.content(), write);
      written.push({ name, offset, compressed, crc, size: entry.declaredSize ?? size });
    }
    const directoryStart = at;
    for (const entry of written) write(directoryEntry(entry));
    write(endOfDirectory(written.length, at - directoryStart, directoryStart));
  } finally {
    closeSync(fd);
  }
}

async function deflateInto(pieces: Iterable<Buffer>, write: (bytes: Buffer) => void): Promise<{ compressed: number; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  let compressed = 0;
  deflate.on('data', (bytes: Buffer) => {
    compressed += bytes.length;
    write(bytes);
  });
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    size += piece.length;
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { compressed, size, crc };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const JAN_1_1980 = 0x21;

/** Little-endian fields one after another, each [width in bytes, value]. */
function pack(fields: [2 | 4, number][]): Buffer {
  const bytes = Buffer.alloc(fields.reduce((sum, [width]) => sum + width, 0));
  let at = 0;
  for (const [width, value] of fields) at = width === 2 ? bytes.writeUInt16LE(value, at) : bytes.writeUInt32LE(value, at);
  return bytes;
}

/** yauzl reads sizes from the central directory only: the local header leaves them zero. */
function localHeader(name: Buffer): Buffer {
  const fields: [2 | 4, number][] = [[4, 0x04034b50], [2, 20], [2, UTF8_NAMES], [2, DEFLATE], [2, 0], [2, JAN_1_1980], [4, 0], [4, 0], [4, 0], [2, name.length], [2, 0]];
  return Buffer.concat([pack(fields), name]);
}

function directoryEntry(entry: Written): Buffer {
  const head: [2 | 4, number][] = [[4, 0x02014b50], [2, 20], [2, 20], [2, UTF8_NAMES], [2, DEFLATE], [2, 0], [2, JAN_1_1980]];
  const sizes: [2 | 4, number][] = [[4, entry.crc], [4, entry.compressed], [4, entry.size], [2, entry.name.length]];
  // Extra field, comment, disk number, internal and external attributes: none.
  const tail: [2 | 4, number][] = [[2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, entry.offset]];
  return Buffer.concat([pack([...head, ...sizes, ...tail]), entry.name]);
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  return pack([[4, 0x06054b50], [2, 0], [2, 0], [2, count], [2, count], [4, size], [4, offset], [2, 0]]);
}

/** `total` bytes of `line` repeated, in 1 MiB pieces. */
export function* repeated(line: string, total: number): Generator<Buffer> {
  const piece = Buffer.from(line.repeat(Math.max(1, Math.floor((1 << 20) / line.length))));
  for (let left = total; left > 0; left -= piece.length) yield left >= piece.length ? piece : piece.subarray(0, left);
}
