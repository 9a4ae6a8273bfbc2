/** Judges a probed video against a video slot: container, codec, frame size, frame rate, duration. */
import { error, type Finding, warning } from '../findings.ts';
import { formatFps, formatMinutesSeconds } from './format-values.ts';
import { codecLabel } from './labels.ts';
import type { ProbedVideo } from './probed.ts';
import type { MaterialSlotSpec } from './spec.ts';

/**
 * 24.97–25.03 is 25 fps: encoders write 25 as 25/1, but a cut or a variable-rate phone recording
 * averages a hair off. 29.97 (NTSC) is not 30 and not 25, which this tolerance keeps apart.
 */
export const FPS_TOLERANCE = 0.03;
/** Durations are compared in whole seconds, as a player shows them: 5分0秒4 is 5分钟. */
export const DURATION_TOLERANCE_SECONDS = 0.5;

const EXPORT_HINT = '请用剪辑软件（如剪映、Premiere、格式工厂）按要求重新导出';

function checkContainer(video: ProbedVideo, slot: MaterialSlotSpec): Finding[] {
  if (!slot.formats.includes('mp4') || video.container === 'mp4') return [];
  const what =
    video.container === 'mov'
      ? '视频为 QuickTime（MOV）格式，即使扩展名是 .mp4'
      : `视频容器为 ${video.formatName || '未知格式'}`;
  return [
    error('VIDEO_CONTAINER', 'container', `${what}，要求 MP4，请导出为 MP4（H.264）；只改扩展名无效。`),
  ];
}

function checkCodec(video: ProbedVideo, slot: MaterialSlotSpec): Finding[] {
  if (slot.videoCodec === undefined || video.videoCodec === slot.videoCodec) return [];
  return [
    error(
      'VIDEO_CODEC',
      'videoCodec',
      `视频编码为 ${codecLabel(video.videoCodec)}，要求 ${codecLabel(slot.videoCodec)}，${EXPORT_HINT}，编码选择 ${codecLabel(slot.videoCodec)}。`,
    ),
  ];
}

function checkFrameSize(video: ProbedVideo, slot: MaterialSlotSpec): Finding[] {
  const { width, height } = slot;
  if (width === undefined || height === undefined) return [];
  if (video.width === width && video.height === height) return [];
  const portrait = video.height > video.width && width > height ? '（竖屏）' : '';
  return [
    error(
      'VIDEO_RESOLUTION',
      'resolution',
      `视频分辨率为 ${video.width}×${video.height}${portrait}，要求 ${width}×${height}，${EXPORT_HINT}，分辨率设为 ${width}×${height}${portrait ? '，画面为横屏' : ''}。`,
    ),
  ];
}

function checkFps(video: ProbedVideo, slot: MaterialSlotSpec): Finding[] {
  if (slot.fps === undefined) return [];
  if (video.fps <= 0) {
    return [
      warning(
        'VIDEO_FPS_UNKNOWN',
        'fps',
        `视频未标明帧率，要求 ${slot.fps} fps，无法自动核对，请导出时设定帧率。`,
      ),
    ];
  }
  // The epsilon keeps 25.03 - 25 (0.0300000000000011 in floating point) inside the tolerance.
  if (Math.abs(video.fps - slot.fps) <= FPS_TOLERANCE + 1e-9) return [];
  return [
    error(
      'VIDEO_FPS',
      'fps',
      `视频帧率为 ${formatFps(video.fps)} fps，要求 ${slot.fps} fps，${EXPORT_HINT}，帧率设为 ${slot.fps}。`,
    ),
  ];
}

function checkDuration(video: ProbedVideo, slot: MaterialSlotSpec): Finding[] {
  const range = slot.durationSeconds;
  if (range === undefined) return [];
  const required = `${formatMinutesSeconds(range.min)}至${formatMinutesSeconds(range.max)}`;
  const measured = `视频时长为 ${formatMinutesSeconds(video.durationSeconds)}，要求 ${required}`;
  if (video.durationSeconds + DURATION_TOLERANCE_SECONDS < range.min) {
    return [
      error(
        'VIDEO_DURATION',
        'durationSeconds',
        `${measured}，请补充内容，使时长不少于 ${formatMinutesSeconds(range.min)}。`,
      ),
    ];
  }
  if (video.durationSeconds - DURATION_TOLERANCE_SECONDS > range.max) {
    return [
      error(
        'VIDEO_DURATION',
        'durationSeconds',
        `${measured}，请剪辑删减，使时长不超过 ${formatMinutesSeconds(range.max)}。`,
      ),
    ];
  }
  return [];
}

export function checkVideo(video: ProbedVideo, slot: MaterialSlotSpec): Finding[] {
  return [
    ...checkContainer(video, slot),
    ...checkCodec(video, slot),
    ...checkFrameSize(video, slot),
    ...checkFps(video, slot),
    ...checkDuration(video, slot),
  ];
}
