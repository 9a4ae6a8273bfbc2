/**
 * ffmpeg for poster frames and conversions: only the system's (apt `ffmpeg`). Unlike ffprobe there is
 * no binary shipped through npm, so its absence is real and the convert button says what to install.
 * Looked up on every call (a few `access` calls): an administrator may install it while the server runs.
 */
import { findOnPath } from './find-on-path.ts';

export function ffmpegPath(): string | undefined {
  return findOnPath('ffmpeg');
}

export const FFMPEG_MISSING_MESSAGE =
  '平台未安装视频转换组件（ffmpeg），无法转换视频或生成视频封面。请联系平台管理员安装（Debian/Ubuntu：apt-get install ffmpeg）；也可以自行用剪辑软件按要求导出后重新上传。';
