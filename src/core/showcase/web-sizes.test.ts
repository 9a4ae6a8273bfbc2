import { describe, expect, it } from 'vitest';
import { fitInside, WEB_VIDEO_BOX } from './web-sizes.ts';

describe('fitInside', () => {
  it('shrinks to the box keeping the shape, never enlarges', () => {
    expect(fitInside(1920, 1080, WEB_VIDEO_BOX, true)).toEqual({ width: 854, height: 480 });
    expect(fitInside(1080, 1920, WEB_VIDEO_BOX, true)).toEqual({ width: 270, height: 480 });
    expect(fitInside(320, 240, WEB_VIDEO_BOX, true)).toEqual({ width: 320, height: 240 });
    expect(fitInside(4000, 3000, { width: 1280, height: 1280 })).toEqual({ width: 1280, height: 960 });
  });

  it('keeps sides even for video', () => {
    expect(fitInside(1000, 563, WEB_VIDEO_BOX, true)).toEqual({ width: 852, height: 480 });
    expect(fitInside(0, 100, WEB_VIDEO_BOX)).toEqual({ width: 0, height: 0 });
  });
});
