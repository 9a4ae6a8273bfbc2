import { describe, expect, it } from 'vitest';
import { parseRate, splitBrands } from './ffprobe-json.ts';
import { probedFromFfprobe } from './probe-video.ts';

describe('ffprobe output', () => {
  it.each([
    ['25/1', 25],
    ['30000/1001', 30000 / 1001],
    ['0/0', 0],
    [undefined, 0],
    ['x', 0],
  ])('rate %j is %d', (rate, fps) => expect(parseRate(rate)).toBeCloseTo(fps, 6));

  it('splits glued brands', () => {
    expect(splitBrands('isomiso2avc1mp41')).toEqual(['isom', 'iso2', 'avc1', 'mp41']);
    expect(splitBrands('qt  ')).toEqual(['qt  ']);
    expect(splitBrands(undefined)).toEqual([]);
  });

  const stream = {
    codec_type: 'video',
    codec_name: 'h264',
    width: 1280,
    height: 720,
    avg_frame_rate: '0/0',
    r_frame_rate: '25/1',
  };

  it('falls back to r_frame_rate and the stream duration', () => {
    const probed = probedFromFfprobe(
      {
        streams: [{ ...stream, duration: '270.5' }],
        format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', tags: { major_brand: 'mp42' } },
      },
      10,
    );
    expect(probed).toMatchObject({ container: 'mp4', fps: 25, durationSeconds: 270.5 });
  });

  it.each([
    ['qt  ', 'mov'],
    ['', 'mov'],
    ['3gp4', 'other'],
    ['isom', 'mp4'],
  ])('brand %j is container %s', (brand, container) => {
    const probed = probedFromFfprobe(
      {
        streams: [stream],
        format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', tags: brand ? { major_brand: brand } : {} },
      },
      10,
    );
    expect(probed).toMatchObject({ container });
  });

  it('skips cover art and refuses a file without a picture', () => {
    const cover = { ...stream, disposition: { attached_pic: 1 } };
    expect(
      probedFromFfprobe({ streams: [cover, { codec_type: 'audio', codec_name: 'aac' }] }, 10),
    ).toMatchObject({
      kind: 'unreadable',
    });
  });
});
