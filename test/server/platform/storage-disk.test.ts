import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';
import { storageContract } from './storage-contract.ts';

storageContract('disk', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tuijie-storage-'));
  // A root that is a file, not a folder, cannot hold anything.
  const notAFolder = path.join(root, 'not-a-folder');
  await writeFile(notAFolder, 'x');
  return {
    storage: createDiskStorage(path.join(root, 'files')),
    broken: [{ name: 'root is a file', storage: createDiskStorage(notAFolder), message: '不可写' }],
    close: () => rm(root, { recursive: true, force: true }),
  };
});
