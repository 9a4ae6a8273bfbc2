import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3Config } from '../config.ts';

/**
 * The client settings shared by the storage and the tus store. Checksums only where the API requires
 * them: newer SDKs otherwise send every streamed body as `aws-chunked` with a CRC trailer, which
 * Alibaba OSS, Tencent COS, older MinIO/Ceph and s3rver do not decode (they store the chunk framing
 * as part of the object).
 */
export function s3ClientConfig(config: S3Config): S3ClientConfig {
  return {
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    // Without keys the SDK's own chain applies (instance role, ~/.aws), as on AWS.
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
  };
}
