import { describe, expect, it } from 'vitest';
import { error, warning } from '../findings.ts';
import { builtinSpec } from './builtin-specs.ts';
import { conversionMendsAll, conversionTargetText } from './conversion.ts';
import type { MaterialSlotSpec } from './spec.ts';

const video = builtinSpec('video')!;
const photo = builtinSpec('star-photo')!;
const err = (code: string) => error(code, 'file', code);

describe('conversionMendsAll', () => {
  it.each([
    [['VIDEO_RESOLUTION']],
    [['VIDEO_FPS']],
    [['VIDEO_CODEC']],
    [['VIDEO_CONTAINER']],
    [['VIDEO_CONTAINER', 'VIDEO_CODEC', 'VIDEO_RESOLUTION', 'VIDEO_FPS']],
  ])('mends %j', (found) => {
    expect(conversionMendsAll(found.map(err), video)).toBe(true);
  });

  it.each([
    [['VIDEO_DURATION']],
    [['VIDEO_RESOLUTION', 'VIDEO_DURATION']],
    [['FILE_PROBE_FAILED']],
    [['FILE_TOO_LARGE']],
    [['MATERIAL_KIND_MISMATCH']],
    [['FILE_NAME_RESERVED', 'VIDEO_FPS']],
  ])('does not mend %j', (found) => {
    expect(conversionMendsAll(found.map(err), video)).toBe(false);
  });

  it('has nothing to mend without an error; warnings do not count', () => {
    expect(conversionMendsAll([], video)).toBe(false);
    expect(conversionMendsAll([warning('VIDEO_FPS_UNKNOWN', 'fps', '…')], video)).toBe(false);
    expect(conversionMendsAll([warning('X', '', '…'), err('VIDEO_FPS')], video)).toBe(true);
  });

  it('mends only what the conversion can produce for this slot', () => {
    const hevc: MaterialSlotSpec = { ...video, videoCodec: 'hevc' };
    expect(conversionMendsAll([err('VIDEO_CODEC')], hevc)).toBe(false);
    const movOnly: MaterialSlotSpec = { ...video, formats: ['jpeg'] };
    expect(conversionMendsAll([err('VIDEO_CONTAINER')], movOnly)).toBe(false);
    expect(conversionMendsAll([err('VIDEO_RESOLUTION')], photo)).toBe(false);
  });
});

describe('conversionTargetText', () => {
  it('names the codec, frame size and rate of the copy', () => {
    expect(conversionTargetText(video)).toBe('MP4（H.264），1280×720，25 帧/秒');
    expect(conversionTargetText({ ...video, width: undefined, fps: undefined })).toBe('MP4（H.264）');
  });
});
