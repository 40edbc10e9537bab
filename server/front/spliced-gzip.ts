import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A text with holes (a cached page, its nonce taken out), compressed once so that every copy with
 * new words in the holes is gzipped by joining bytes rather than compressing the whole page again:
 * compressing a 270 KB map page per response cost more than serving it.
 *
 * Deflate data can be joined where a compressor flushed to a byte boundary (pigz compresses in
 * parallel this way): each fixed part is compressed on its own and ends in a sync flush, what goes
 * into a hole is a stored (uncompressed) block, and an empty final block closes the stream. The gzip
 * trailer's CRC-32 is computed over the whole text per copy, which is cheap.
 */
export interface HoledText {
  parts: Buffer[];
  deflated: Buffer[];
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** A final, empty stored block. */
const LAST_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

export function withHoles(text: string, hole: string): HoledText {
  const parts = text.split(hole).map((part) => Buffer.from(part));
  const deflated = parts.map((part) => deflateRawSync(part, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }));
  return { parts, deflated };
}

/** The text with `fill` in every hole. */
export function filled(text: HoledText, fill: string): Buffer {
  const fillBytes = Buffer.from(fill);
  return Buffer.concat(text.parts.flatMap((part, i) => (i === 0 ? [part] : [fillBytes, part])));
}

/** The same, gzipped. */
export function filledGzip(text: HoledText, fill: string): Buffer {
  const fillBytes = Buffer.from(fill);
  if (fillBytes.length > 0xffff) throw new Error("a hole holds at most one stored block");
  const stored = Buffer.alloc(5 + fillBytes.length);
  stored.writeUInt8(0, 0); // not final, stored; the rest of the byte is padding
  stored.writeUInt16LE(fillBytes.length, 1);
  stored.writeUInt16LE(~fillBytes.length & 0xffff, 3);
  fillBytes.copy(stored, 5);

  const chunks: Buffer[] = [GZIP_HEADER];
  // Node 20's crc32 of an empty buffer with no memory behind it answers 0, whatever came before.
  const crcAfter = (bytes: Buffer, crc: number) => (bytes.length === 0 ? crc : crc32(bytes, crc));
  let crc = 0;
  let size = 0;
  text.parts.forEach((part, i) => {
    if (i > 0) {
      chunks.push(stored);
      crc = crcAfter(fillBytes, crc);
      size += fillBytes.length;
    }
    chunks.push(text.deflated[i]!);
    crc = crcAfter(part, crc);
    size += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  chunks.push(LAST_BLOCK, trailer);
  return Buffer.concat(chunks);
}
