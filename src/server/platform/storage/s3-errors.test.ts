import { describe, expect, it } from 'vitest';
import type { S3Config } from '../config.ts';
import { describeS3Failure, isS3NotFound } from './s3-errors.ts';

const config: S3Config = {
  bucket: 'tuijie',
  endpoint: 'https://oss-cn-beijing.aliyuncs.com',
  region: 'oss-cn-beijing',
  accessKeyId: 'k',
  secretAccessKey: 's',
  forcePathStyle: false,
};

describe('describeS3Failure', () => {
  it('names the setting to fix for each usual mistake', () => {
    expect(describeS3Failure({ name: 'NoSuchBucket' }, config)).toContain('不存在存储桶「tuijie」');
    expect(describeS3Failure({ name: 'SignatureDoesNotMatch' }, config)).toContain('S3_SECRET_ACCESS_KEY');
    expect(describeS3Failure({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }, config)).toContain(
      '授予读写与删除权限',
    );
    expect(describeS3Failure({ name: 'CredentialsProviderError' }, config)).toContain(
      '没有对象存储的访问密钥',
    );
    expect(describeS3Failure(new Error('x'), config, 10_000)).toContain('10 秒内没有响应');
  });

  it('finds a refused or unresolvable connection inside the SDK wrapper', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(describeS3Failure(new Error('wrapped', { cause: refused }), config)).toContain(
      '无法连接对象存储 https://oss-cn-beijing.aliyuncs.com（ECONNREFUSED）',
    );
    const dns = Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' });
    expect(describeS3Failure(new AggregateError([dns]), config)).toContain('ENOTFOUND');
  });

  it('says what it does not recognise rather than guessing', () => {
    expect(describeS3Failure({ name: 'SlowDown', message: 'Please reduce your request rate.' }, config)).toBe(
      '对象存储 https://oss-cn-beijing.aliyuncs.com 的存储桶「tuijie」不可用：SlowDown Please reduce your request rate.',
    );
  });
});

describe('isS3NotFound', () => {
  it('knows GetObject’s NoSuchKey and HeadObject’s bare 404', () => {
    expect(isS3NotFound({ name: 'NoSuchKey' })).toBe(true);
    expect(isS3NotFound({ name: 'NotFound', $metadata: { httpStatusCode: 404 } })).toBe(true);
    expect(isS3NotFound({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })).toBe(false);
    expect(isS3NotFound({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } })).toBe(false);
  });
});
