import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { StoredObject } from './storage.ts';

/** S3 refuses parts below 5 MiB except the last; 8 MiB keeps a 50 GB file within the 10,000-part limit. */
export const PART_SIZE = 8 * 1024 * 1024;

/**
 * Streams `source` to `bucket/key`, hashing on the way. Memory stays near two parts whatever the file's
 * size: one part is being filled while the previous one is sent. A body smaller than one part goes up
 * in a single PutObject. On any failure the multipart upload is aborted, so no orphaned parts are billed
 * and the previous object under `key` (if any) stays as it was.
 */
export async function writeMultipart(
  client: S3Client,
  bucket: string,
  key: string,
  source: Readable,
  partSize = PART_SIZE,
): Promise<StoredObject> {
  const hash = createHash('sha256');
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let uploadId: string | undefined;
  const parts: CompletedPart[] = [];
  // The part on the wire. Its failure is kept and rethrown at the next wait, never left unhandled
  // (an unhandled rejection would end the server).
  let inFlight: Promise<void> = Promise.resolve();
  let failed = false;
  let failure: unknown;
  const settle = async () => {
    await inFlight;
    if (failed) throw failure;
  };

  const sendPart = async (body: Buffer) => {
    uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }))).UploadId;
    const PartNumber = parts.length + 1;
    const slot: CompletedPart = { PartNumber };
    parts.push(slot); // reserved now, so the numbering follows the order of the bytes
    await settle(); // at most one part on the wire while the next is read
    inFlight = client
      .send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber, Body: body }))
      .then(
        (result) => {
          slot.ETag = result.ETag;
        },
        (error: unknown) => {
          failed = true;
          failure = error;
        },
      );
  };

  const takePart = (): Buffer => {
    const all = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
    const part = all.subarray(0, partSize);
    const rest = all.subarray(partSize);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    return part;
  };

  try {
    for await (const chunk of source) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      hash.update(buffer);
      bytes += buffer.length;
      pending.push(buffer);
      pendingBytes += buffer.length;
      while (pendingBytes >= partSize) await sendPart(takePart());
    }
    const last = Buffer.concat(pending);
    pending = [];
    if (parts.length === 0) {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: last, ContentLength: last.length }),
      );
    } else {
      if (last.length > 0) await sendPart(last);
      await settle();
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    }
  } catch (error) {
    await inFlight; // let the part on the wire settle before aborting (it never rejects)
    if (uploadId) {
      await client
        .send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))
        .catch(() => {}); // the original failure is the one worth reporting
    }
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}
