/**
 * `tuijie check --campaign` and the server's check job give the same verdict on the same files: the
 * command line runs as a child process against the test database, the server checks the same bytes
 * uploaded to the same slot, and probed metadata, finding codes and pass/fail agree.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import {
  claimSize,
  cut,
  ffmpegAvailability,
  film,
  flatImage,
  noisyJpeg,
  tempFolder,
} from '#test/fixtures/media/generate.ts';
import { createTestApp, loginAs, type TestApp } from '#test/support/app.ts';
import { campaignOf, completeProject, completeStar, draftWith } from '#test/support/nominations.ts';
import { addMaterial, settled } from './job-support.ts';

vi.setConfig({ testTimeout: 300_000 });
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const { available: ffmpeg } = ffmpegAvailability();
const folder = tempFolder('tuijie-same-verdict-');
const file = (name: string) => join(folder.dir, name);
const tmp = join(folder.dir, 'tmp');
let t: TestApp;
let campaignId: string;
const nominations: Record<string, string> = {};

function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/cli/main.ts', 'check', ...args], {
      cwd: root,
      // A temporary folder of its own: at start the command removes what dead processes left in the
      // system's, and says so on stderr, which other test files' killed workers would make it do.
      env: { ...process.env, DATABASE_URL: t.database.url, LOG_LEVEL: 'silent', TMPDIR: tmp },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  t = await createTestApp();
  mkdirSync(tmp);
  const jilin = await loginAs(t, 'jilin-admin');
  const { campaign, rules } = await campaignOf(t, jilin, '中国成人教育协会');
  campaignId = campaign.id;
  nominations.star = (await draftWith(t, jilin, campaign.id, completeStar(rules, 1))).id;
  nominations.project = (
    await draftWith(t, jilin, campaign.id, completeProject(rules, 2, '2024-03-01'), 'project')
  ).id;
  writeFileSync(file('good.jpg'), await noisyJpeg(3000, 2000, 300));
  const small = await flatImage(600, 400).jpeg().withMetadata({ density: 72 }).toBuffer();
  writeFileSync(file('bad.jpg'), small);
  writeFileSync(file('bomb.jpg'), claimSize(small, 60_000, 60_000));
  writeFileSync(file('empty.jpg'), Buffer.alloc(0));
  writeFileSync(
    file('summary.docx'),
    await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('工作总结')] }] })),
  );
  if (ffmpeg) {
    film(file('good.mp4'), { seconds: 250, pattern: 'smptebars', audio: true });
    film(file('bad.mp4'), { fps: 30 });
    film(file('renamed.mp4'), { format: 'mov' });
    cut(film(file('whole.mp4'), { seconds: 3 }), 0.5, file('truncated.mp4'));
  }
}, 300_000);
afterAll(async () => {
  await t.close();
  folder.remove();
});

const cases: [string, string, string, boolean][] = [
  ['good.jpg', 'star.idPhoto', 'star', true],
  ['bad.jpg', 'star.idPhoto', 'star', true],
  ['bomb.jpg', 'star.photo', 'star', true],
  ['empty.jpg', 'star.photo', 'star', true],
  ['summary.docx', 'project.workSummary', 'project', true],
  ['good.mp4', 'star.video', 'star', ffmpeg],
  ['bad.mp4', 'star.video', 'star', ffmpeg],
  ['renamed.mp4', 'star.video', 'star', ffmpeg],
  ['truncated.mp4', 'star.video', 'star', ffmpeg],
];

describe('the command line and the server agree', () => {
  // Without ffmpeg (outside CI) the films cannot be made; ffmpegAvailability says so.
  it.each(cases.filter((c) => c[3]))('%s as %s', async (name, spec, nomination) => {
    const [setKey, slotId] = spec.split('.') as [MaterialSetKey, string];
    const [run, added] = await Promise.all([
      cli(file(name), '--campaign', campaignId, '--spec', spec, '--json'),
      addMaterial(t, { nominationId: nominations[nomination]!, setKey, slotId, file: file(name) }),
    ]);
    expect(run.stderr).toBe('');
    const local = JSON.parse(run.stdout);
    const server = await settled(t, added.id);
    expect(server.probed).toEqual(local.probed);
    expect(server.findings).toEqual(local.findings);
    expect(server.state).toBe(local.ok ? 'passed' : 'failed');
    expect(run.status).toBe(local.ok ? 0 : local.probed.kind === 'unreadable' ? 2 : 1);
  });

  it('names the valid specs of the campaign when the name is wrong', async () => {
    const run = await cli(file('good.jpg'), '--campaign', campaignId, '--spec', 'star.poster');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '未知规格「star.poster」，本活动可用：star-photo、project-photo、video、star.idPhoto',
    );
    const missing = await cli(
      file('good.jpg'),
      '--campaign',
      '00000000-0000-4000-8000-000000000000',
      '--spec',
      'video',
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到编号为 00000000-0000-4000-8000-000000000000 的推介活动');
  });

  it('reads the campaign’s rules as changed in the database: a raised minimum size refuses the good photo', async () => {
    await t.context.db
      .updateTable('campaigns')
      .set((eb) => ({
        rules: eb.fn('jsonb_set', [
          'rules',
          eb.val('{materials,star,slots,0,minBytes}'),
          eb.val(JSON.stringify(64 * 1024 * 1024)),
        ]) as never,
      }))
      .where('id', '=', campaignId)
      .execute();
    const run = await cli(file('good.jpg'), '--campaign', campaignId, '--spec', 'star.idPhoto');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('错误 PHOTO_TOO_SMALL');
    expect(run.stdout).toContain('要求不低于 64 MB');
  });
});
