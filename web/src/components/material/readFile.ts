/**
 * What the browser can learn about a chosen file without sending it: its first bytes (for the JPEG,
 * PNG and MP4 headers) and, for a film, the duration and frame size a `<video>` element reads from its
 * metadata. The result goes to core's precheckMaterial, the same rules the server applies after upload.
 */
import { PRECHECK_HEAD_BYTES } from '#core/materials/file-head.ts';
import { type BrowserReading, needsVideoMetadata, type VideoMetadata } from '#core/materials/precheck.ts';

/** A film whose metadata sits at its end (no "faststart") makes the browser seek; give it time. */
const VIDEO_METADATA_TIMEOUT_MS = 15_000;

export function readVideoMetadata(file: Blob): Promise<VideoMetadata> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(file);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (result: VideoMetadata) => {
      clearTimeout(timer);
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      resolve(result);
    };
    video.preload = 'metadata';
    video.muted = true;
    video.onloadedmetadata = () =>
      done({ durationSeconds: video.duration, width: video.videoWidth, height: video.videoHeight });
    video.onerror = () => done('unreadable');
    timer = setTimeout(() => done('unreadable'), VIDEO_METADATA_TIMEOUT_MS);
    video.src = url;
  });
}

export async function readForPrecheck(file: File): Promise<BrowserReading> {
  const head = new Uint8Array(await file.slice(0, PRECHECK_HEAD_BYTES).arrayBuffer());
  const video = needsVideoMetadata(head) ? await readVideoMetadata(file) : undefined;
  return { fileName: file.name, bytes: file.size, head, video };
}
