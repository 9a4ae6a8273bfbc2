/**
 * s3rver for `bench/uploads.bench.ts --s3`, in its own process so that it does not share the bench
 * client's CPU: prints "s3rver ENDPOINT BUCKET" and runs until killed.
 */
import { startS3rver } from '#test/support/s3rver.ts';

const s3 = await startS3rver('tuijie-bench');
console.log(`s3rver ${s3.endpoint} ${s3.config.bucket}`);
const stop = () => void s3.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
