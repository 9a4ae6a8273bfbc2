import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinSpec } from './builtin-specs.ts';
import { checkMaterial } from './check-material.ts';
import type { ProbedImage, ProbedVideo } from './probed.ts';
import { MEBIBYTE } from './spec.ts';

const starPhoto = builtinSpec('star-photo')!;
const projectPhoto = builtinSpec('project-photo')!;
const videoSpec = builtinSpec('video')!;

const goodPhoto: ProbedImage = {
  kind: 'image',
  format: 'jpeg',
  bytes: 6 * MEBIBYTE,
  width: 3000,
  height: 2000,
  dpi: { x: 300, y: 300 },
  dpiSource: 'exif',
};

const goodVideo: ProbedVideo = {
  kind: 'video',
  container: 'mp4',
  formatName: 'mp4',
  brand: 'isom',
  compatibleBrands: ['isom', 'iso2', 'avc1', 'mp41'],
  videoCodec: 'h264',
  width: 1280,
  height: 720,
  fps: 25,
  durationSeconds: 270,
  audioCodec: 'aac',
  bytes: 80 * MEBIBYTE,
};

const errors = (findings: { severity: string; code: string }[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('checkMaterial: photos', () => {
  it('passes a good star photo with its attestations as warnings, never silently', () => {
    const findings = checkMaterial(goodPhoto, starPhoto, { fileName: '张三.jpg' });
    expect(errors(findings)).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(['ATTESTATION_NEEDED', 'ATTESTATION_NEEDED']);
    expect(findings[0]!.message).toContain('图中主元素清晰');
    expect(findings[1]!.message).toContain('证件照');
  });

  it.each([
    [
      '72 dpi',
      { dpi: { x: 72, y: 72 } },
      'PHOTO_DPI_LOW',
      '照片分辨率为 72 dpi，要求不低于 300 dpi，请用扫描仪',
    ],
    ['uneven dpi', { dpi: { x: 300, y: 150 } }, 'PHOTO_DPI_LOW', '照片分辨率为 300×150 dpi'],
    ['4.9 MB', { bytes: 4.99 * MEBIBYTE }, 'PHOTO_TOO_SMALL', '照片文件大小为 4.9 MB，要求不低于 5 MB'],
    ['a PNG', { format: 'png' }, 'PHOTO_FORMAT', '文件实际为 PNG 格式，要求 JPEG（.jpg）'],
    ['a HEIC', { format: 'heif' }, 'PHOTO_FORMAT', 'HEIF/HEIC'],
  ] as const)('refuses %s', (_why, change, code, text) => {
    const findings = checkMaterial({ ...goodPhoto, ...change } as ProbedImage, starPhoto);
    expect(errors(findings)).toEqual([code]);
    expect(findings.find((f) => f.code === code)!.message.replace(/。/g, '，')).toContain(text);
  });

  it('reads 299.9994 dpi (118.11 dots per cm) as 300', () => {
    const dpi = { x: 118.11 * 2.54, y: 118.11 * 2.54 };
    expect(errors(checkMaterial({ ...goodPhoto, dpi }, starPhoto))).toEqual([]);
  });

  it('warns, not fails, when the file records no density', () => {
    const findings = checkMaterial({ ...goodPhoto, dpi: 'unknown', dpiSource: 'none' }, starPhoto);
    expect(errors(findings)).toEqual([]);
    expect(findings[0]).toMatchObject({ code: 'PHOTO_DPI_UNKNOWN', severity: 'warning' });
    expect(findings[0]!.message).toMatch(/^照片未记录分辨率（dpi）/);
  });

  it('names a renamed file: a PNG called .jpg, refused where only JPEG counts', () => {
    const png = { ...goodPhoto, format: 'png' as const };
    const [refused] = checkMaterial(png, starPhoto, { fileName: 'a.jpg' });
    expect(refused!.message).toContain('文件扩展名是 .jpg，但文件实际为 PNG 格式');
    const accepted = checkMaterial(png, projectPhoto, { fileName: 'a.jpg' });
    expect(accepted.map((f) => [f.code, f.severity])).toEqual([['FILE_EXTENSION_MISMATCH', 'warning']]);
  });

  it('project photos need 1 MB and no dpi', () => {
    expect(errors(checkMaterial({ ...goodPhoto, bytes: MEBIBYTE, dpi: 'unknown' }, projectPhoto))).toEqual(
      [],
    );
    expect(errors(checkMaterial({ ...goodPhoto, bytes: MEBIBYTE - 1 }, projectPhoto))).toEqual([
      'PHOTO_TOO_SMALL',
    ]);
  });

  it('refuses a video in a photo slot and a photo in a video slot', () => {
    expect(errors(checkMaterial(goodVideo, starPhoto))).toEqual(['MATERIAL_KIND_MISMATCH']);
    expect(checkMaterial(goodPhoto, videoSpec)[0]!.message).toContain('文件是图片，此处要求上传视频');
  });

  it('refuses a file above the cap', () => {
    const findings = checkMaterial(goodPhoto, starPhoto, { maxBytes: 5 * MEBIBYTE });
    expect(findings).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE', severity: 'error' })]);
  });
});

describe('checkMaterial: videos', () => {
  it('passes a good video with its attestations (opening, ending, no logo) as warnings', () => {
    const findings = checkMaterial(goodVideo, videoSpec);
    expect(errors(findings)).toEqual([]);
    const text = findings.map((f) => f.message).join('\n');
    expect(text).toContain('片头10秒，片尾5秒');
    expect(text).toContain('台标');
  });

  it.each([
    ['30 fps', { fps: 30 }, 'VIDEO_FPS', '视频帧率为 30 fps，要求 25 fps，请用'],
    ['29.97 fps', { fps: 30000 / 1001 }, 'VIDEO_FPS', '视频帧率为 29.97 fps'],
    ['a MOV', { container: 'mov', brand: 'qt  ' }, 'VIDEO_CONTAINER', '视频为 QuickTime（MOV）格式'],
    ['a Matroska', { container: 'other', formatName: 'matroska,webm' }, 'VIDEO_CONTAINER', 'matroska'],
    ['HEVC', { videoCodec: 'hevc' }, 'VIDEO_CODEC', '视频编码为 H.265（HEVC），要求 H.264'],
    ['1080p', { width: 1920, height: 1080 }, 'VIDEO_RESOLUTION', '视频分辨率为 1920×1080，要求 1280×720'],
    ['portrait', { width: 720, height: 1280 }, 'VIDEO_RESOLUTION', '720×1280（竖屏）'],
    ['3:12', { durationSeconds: 192 }, 'VIDEO_DURATION', '视频时长为 3分12秒，要求 4分钟至5分钟，请补充'],
    [
      '5:30',
      { durationSeconds: 330.2 },
      'VIDEO_DURATION',
      '视频时长为 5分30秒，要求 4分钟至5分钟，请剪辑删减',
    ],
  ] as const)('refuses %s', (_why, change, code, text) => {
    const findings = checkMaterial({ ...goodVideo, ...change } as ProbedVideo, videoSpec);
    expect(errors(findings)).toEqual([code]);
    expect(findings[0]!.message.replace(/。/g, '，')).toContain(text);
  });

  it.each([24.97, 25.03, 25])('takes %s fps as 25', (fps) => {
    expect(errors(checkMaterial({ ...goodVideo, fps }, videoSpec))).toEqual([]);
  });

  it.each([239.5, 240, 300, 300.4])('takes %s s as within 4–5 minutes', (durationSeconds) => {
    expect(errors(checkMaterial({ ...goodVideo, durationSeconds }, videoSpec))).toEqual([]);
  });

  it('frame rate: within ±0.03 of 25 passes, beyond fails (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 120, noNaN: true }), (fps) => {
        const failed = errors(checkMaterial({ ...goodVideo, fps }, videoSpec)).includes('VIDEO_FPS');
        return failed === Math.abs(fps - 25) > 0.03 + 1e-9;
      }),
    );
  });
});

describe('checkMaterial: unreadable files', () => {
  it('turns a probe failure into one error with its reason, and nothing to attest', () => {
    const findings = checkMaterial({ kind: 'unreadable', code: 'EMPTY', reason: '文件为空' }, videoSpec);
    expect(findings).toEqual([{ code: 'FILE_EMPTY', severity: 'error', field: 'file', message: '文件为空' }]);
  });
});
