import type { Readable } from 'node:stream';
import { S3Store } from '@tus/s3-store';

type Metadata = Parameters<S3Store['uploadParts']>[0];

/**
 * @tus/s3-store with the parts of a request sent one after another, each only once the one before it is
 * stored. The offset a resumed upload gets is the sum of the parts the store lists; the library sends
 * parts side by side and goes on sending after one failed (and leaks a permit of its part semaphore on
 * the way), so a part lost while a later one was stored (a process killed mid-upload, one refused call)
 * left a gap the client skipped: the finished file was silently corrupt (tus-node-server#505).
 * One part in memory per request in flight (8 MB) is the price; the request waits while its part goes out.
 */
export class SequentialS3Store extends S3Store {
  protected override async uploadParts(
    metadata: Metadata,
    source: Readable,
    firstPartNumber: number,
    offset: number,
  ): Promise<number> {
    const size = metadata.file.size ?? 0;
    const partSize = this.calcOptimalPartSize(size);
    // biome-ignore lint/correctness/useHookAtTopLevel: the library's method, no React hook.
    const incompleteTag = this.useCompleteTag('false');
    let partNumber = firstPartNumber;
    let sent = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;

    const send = async (bytes: Buffer) => {
      const end = offset + sent + bytes.length;
      if (bytes.length >= this.minPartSize || end === size) {
        await this.uploadPart(metadata, bytes, partNumber);
        partNumber += 1;
      } else {
        // Too small to be a part: kept aside, and put in front of the next request's bytes.
        // (As uploadIncompletePart does, with a Buffer: the SDK needs the length of what it sends.)
        await this.client.putObject({
          Bucket: this.bucket,
          Key: this.partKey(metadata.file.id, true),
          Body: bytes,
          Tagging: incompleteTag,
        });
      }
      sent += bytes.length;
    };

    // A source that fails (the client went away) loses only what was not yet a whole part, as before.
    for await (const piece of source as AsyncIterable<Buffer>) {
      let rest = piece;
      while (pendingBytes + rest.length >= partSize) {
        const take = partSize - pendingBytes;
        await send(Buffer.concat([...pending, rest.subarray(0, take)]));
        rest = rest.subarray(take);
        pending = [];
        pendingBytes = 0;
      }
      if (rest.length > 0) {
        pending.push(rest);
        pendingBytes += rest.length;
      }
    }
    if (pendingBytes > 0) await send(Buffer.concat(pending));
    return sent;
  }
}
