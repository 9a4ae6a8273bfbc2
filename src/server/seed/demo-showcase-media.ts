/**
 * Pictures and short films for the demo's national winners, made on the spot: a picture with the
 * winner's name on a coloured ground (sharp) and a four-second film of it with a tone (ffmpeg), small
 * enough that the first start stays quick. Stored and judged as seeded material, like demo-materials.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { checkMaterial } from '#core/materials/check-material.ts';
import { slotMaxBytes } from '#core/materials/limits.ts';
import {
  type MaterialSetKey,
  type MaterialSets,
  setsForNomination,
} from '#core/materials/nomination-slots.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { createMaterial } from '../modules/materials/transition-material.ts';
import type { Db } from '../platform/db/database.ts';
import { ffmpegPath } from '../platform/media/ffmpeg-path.ts';
import { probeMaterial } from '../platform/media/probe-material.ts';
import type { Storage } from '../platform/storage/storage.ts';

const COLOURS = ['#8b1a1a', '#0b4f9c', '#2e7d32', '#6a1b9a', '#b45309'];

const escXml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function demoPicture(name: string, caption: string, n: number): Promise<Buffer> {
  const colour = COLOURS[n % COLOURS.length]!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour}"/><stop offset="1" stop-color="#1a1a1a"/></linearGradient></defs>
<rect width="1600" height="1200" fill="url(#g)"/>
<circle cx="1300" cy="260" r="180" fill="#ffffff" fill-opacity="0.12"/>
<text x="120" y="640" font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-size="150" fill="#ffffff">${escXml(name)}</text>
<text x="120" y="780" font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-size="60" fill="#ffffff" fill-opacity="0.85">${escXml(caption)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withMetadata({ density: 300 }).toBuffer();
}

/** A 4-second H.264/AAC film of the picture; null when ffmpeg is not installed. */
async function demoFilm(picture: Buffer): Promise<Buffer | null> {
  const ffmpeg = ffmpegPath();
  if (!ffmpeg) return null;
  const dir = await mkdtemp(join(tmpdir(), 'tuijie-demo-film-'));
  try {
    await writeFile(join(dir, 'p.jpg'), picture);
    const run = spawnSync(
      ffmpeg,
      [
        ...['-v', 'error', '-y', '-loop', '1', '-framerate', '25', '-t', '4', '-i', join(dir, 'p.jpg')],
        ...['-f', 'lavfi', '-t', '4', '-i', 'sine=frequency=523:sample_rate=44100'],
        ...['-vf', 'scale=1280:960,fade=in:0:20,format=yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast'],
        ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', join(dir, 'f.mp4')],
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) return null;
    return await readFile(join(dir, 'f.mp4'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function store(
  db: Db,
  storage: Storage,
  nominationId: string,
  setKey: MaterialSetKey,
  slot: MaterialSlotSpec,
  fileName: string,
  data: Buffer,
) {
  const storageKey = `materials/demo/${nominationId}-${slot.id}-${fileName}`;
  const { bytes, sha256 } = await storage.write(storageKey, Readable.from([data]));
  const probed = await storage.withLocalFile(storageKey, (p) =>
    probeMaterial(p, { maxBytes: slotMaxBytes(slot) }),
  );
  const findings = checkMaterial(probed, slot, { fileName });
  await db.transaction().execute((trx) =>
    createMaterial(trx, undefined, {
      origin: 'seeded',
      values: {
        nominationId,
        setKey,
        slotId: slot.id,
        storageKey,
        fileName,
        bytes,
        sha256,
        uploadedBy: null,
      },
      verdict: { findings, probed },
    }),
  );
}

/** A picture for the winner's first photo slot (not the 证件照), and a film when `film` is asked for. */
export async function seedShowcaseMedia(
  db: Db,
  storage: Storage,
  n: { id: string; category: 'star' | 'project'; special: boolean; name: string; caption: string },
  rules: CampaignRules,
  index: number,
  film: boolean,
): Promise<void> {
  const sets = setsForNomination(rules.materials as MaterialSets, n);
  const slots = sets.flatMap(({ setKey, set }) => set.slots.map((slot) => ({ setKey, slot })));
  const photo = slots.find(({ slot }) => slot.kind === 'photo' && slot.id !== 'idPhoto');
  const video = slots.find(({ slot }) => slot.kind === 'video');
  const picture = await demoPicture(n.name, n.caption, index);
  if (photo) await store(db, storage, n.id, photo.setKey, photo.slot, '活动照片.jpg', picture);
  if (film && video) {
    const bytes = await demoFilm(picture);
    if (bytes) await store(db, storage, n.id, video.setKey, video.slot, '事迹视频.mp4', bytes);
  }
}
