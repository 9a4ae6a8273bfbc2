import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * Test bytes of any length without holding them: a random block of a prime length repeated. The period
 * divides no part size, so parts stored out of order or twice change the SHA-256.
 */
export function bytePattern(period = 1_000_003) {
  const block = randomBytes(period);
  const slice = (start: number, end: number): Buffer => {
    const out = Buffer.alloc(end - start);
    for (let at = start; at < end; ) {
      const offset = at % period;
      const n = Math.min(period - offset, end - at);
      block.copy(out, at - start, offset, offset + n);
      at += n;
    }
    return out;
  };
  return {
    slice,
    stream(length: number, chunk = 64 * 1024): Readable {
      return Readable.from(
        (function* () {
          for (let at = 0; at < length; at += chunk) yield slice(at, Math.min(at + chunk, length));
        })(),
      );
    },
    sha256(length: number): string {
      const hash = createHash('sha256');
      for (let at = 0; at < length; at += 1 << 20) hash.update(slice(at, Math.min(at + (1 << 20), length)));
      return hash.digest('hex');
    },
  };
}

export async function sha256Of(stream: Readable): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export async function bufferOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
