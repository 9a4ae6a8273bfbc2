import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from './storage.ts';

export function createDiskStorage(root: string): Storage {
  return {
    kind: 'disk',
    async check() {
      const probe = path.join(root, '.health', randomUUID());
      try {
        await mkdir(path.dirname(probe), { recursive: true });
        await writeFile(probe, 'ok');
        await rm(probe);
        return { ok: true };
      } catch (e) {
        return { ok: false, message: `文件存储目录 ${root} 不可写：${(e as Error).message}` };
      }
    },
  };
}
