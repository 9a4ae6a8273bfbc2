/**
 * What a process killed mid-work leaves (issue #15 item 12) is removed at the next start; what a live
 * process is using is not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processRunning, removeStaleScratchDirs, scratchDir } from './scratch-dirs.ts';
import { createDiskStorage, removeStalePartialWrites } from './storage/disk-storage.ts';

/** The id of a process that has ended. */
function deadPid(): number {
  const pid = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim();
  return Number(pid);
}

const host = os.hostname().replace(/[^A-Za-z0-9_-]/g, '_');
const uuid = '0b6a7f0e-3f43-4c53-9d0e-2f4f1c2b3a41';

describe('leftovers of a killed process', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'leftovers-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('tells a running process from an ended one', () => {
    expect(processRunning(process.pid)).toBe(true);
    expect(processRunning(deadPid())).toBe(false);
  });

  it('removes the scratch folders of ended processes only', async () => {
    const dead = deadPid();
    await mkdir(path.join(dir, `tuijie-pdf-${dead}-AbC123`));
    await writeFile(path.join(dir, `tuijie-pdf-${dead}-AbC123`, 'document0.docx'), 'x');
    await mkdir(path.join(dir, `tuijie-convert-${process.pid}-XyZ789`));
    await mkdir(path.join(dir, `tuijie-convert-1-XyZ789`)); // init: always running
    await mkdir(path.join(dir, 'tuijie-initdb-AbC123')); // not a scratch folder of ours
    expect(await removeStaleScratchDirs(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(
      [`tuijie-convert-${process.pid}-XyZ789`, 'tuijie-convert-1-XyZ789', 'tuijie-initdb-AbC123'].sort(),
    );
  });

  it('ends what an ended process left working in its folder (an orphaned converter), then removes it', async () => {
    const folder = path.join(dir, `tuijie-pdf-${deadPid()}-OrPh4n`);
    await mkdir(folder);
    // As LibreOffice names its profile and output folder on its command line.
    const orphan = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', folder], {
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise((r) => orphan.once('exit', r));
    for (let i = 0; i < 100 && !processRunning(orphan.pid!); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await removeStaleScratchDirs(dir)).toBe(1);
    await exited;
    expect(orphan.signalCode).toBe('SIGKILL');
    expect(existsSync(folder)).toBe(false);
  });

  it('names a new scratch folder with its process', async () => {
    const made = await scratchDir('pdf');
    try {
      expect(path.basename(made)).toMatch(new RegExp(`^tuijie-pdf-${process.pid}-[A-Za-z0-9]{6}$`));
    } finally {
      await rm(made, { recursive: true });
    }
  });

  it('removes partial files of ended processes on this machine, not those of live writers or others', async () => {
    const dead = deadPid();
    await mkdir(path.join(dir, 'packages'));
    const stale = `packages/a.zip.${host}.${dead}.${uuid}.part`;
    const live = `packages/b.zip.${host}.${process.pid}.${uuid}.part`;
    const elsewhere = `packages/c.zip.other-machine.${dead}.${uuid}.part`;
    for (const f of [stale, live, elsewhere, 'packages/d.zip']) await writeFile(path.join(dir, f), 'x');
    expect(await removeStalePartialWrites(dir)).toEqual([stale]);
    expect(existsSync(path.join(dir, stale))).toBe(false);
    for (const f of [live, elsewhere, 'packages/d.zip']) expect(existsSync(path.join(dir, f))).toBe(true);
  });

  it('writes through a partial named for this process, which a write leaves renamed', async () => {
    const storage = createDiskStorage(dir);
    let seen: string[] = [];
    const source = new Readable({
      read() {
        // While the write is under way, the partial carries this machine and process.
        readdir(path.join(dir, 'packages')).then((names) => {
          seen = names;
          this.push(Buffer.from('zip'));
          this.push(null);
        });
      },
    });
    await storage.write('packages/e.zip', source);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(new RegExp(`^e\\.zip\\.${host}\\.${process.pid}\\.[0-9a-f-]{36}\\.part$`));
    expect(await readdir(path.join(dir, 'packages'))).toEqual(['e.zip']);
  });
});
