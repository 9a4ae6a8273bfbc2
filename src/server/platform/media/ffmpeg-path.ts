/**
 * ffmpeg for poster frames and conversions: only the system's (apt `ffmpeg`). Unlike ffprobe there is
 * no binary shipped through npm, so its absence is real and the convert button says what to install.
 * Looked up on every call (a few `access` calls): an administrator may install it while the server runs.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function ffmpegPath(): string | undefined {
  const name = process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

export const FFMPEG_MISSING_MESSAGE =
  '服务器未安装 ffmpeg，无法转换视频或生成视频封面。请联系平台管理员安装 ffmpeg（Debian/Ubuntu：apt-get install ffmpeg）；也可以自行用剪辑软件按要求导出后重新上传。';
