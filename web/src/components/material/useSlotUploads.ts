/**
 * One slot's uploads: each chosen file is first checked in the browser (core's precheckMaterial; an
 * error stops it before a byte is sent), then sent with Uppy's tus plugin to /api/uploads with the
 * session's CSRF token. Progress, speed and time left are tracked per file; pause, resume, retry and
 * cancel act on Uppy. The Uppy instance id names the nomination and slot, so tus's fingerprint (kept in
 * localStorage) lets the same file chosen again after a reload resume where it stopped.
 */
import Uppy, { type UppyFile } from '@uppy/core';
import Tus from '@uppy/tus';
import { useCallback, useEffect, useRef, useState } from 'react';
import { normaliseFileName } from '#core/materials/file-name.ts';
import { type Precheck, precheckMaterial } from '#core/materials/precheck.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { uploadCsrfToken } from '#web/api/materials.ts';
import { readForPrecheck } from './readFile.ts';
import { uppyIdFor } from './resumeStore.ts';
import { uploadRefusal } from './uploadRefusal.ts';

export type UploadPhase = 'checking' | 'blocked' | 'uploading' | 'paused' | 'failed' | 'done';

export interface UploadItem {
  key: string;
  fileName: string;
  bytes: number;
  phase: UploadPhase;
  precheck?: Precheck;
  uploaded: number;
  /** Bytes per second, smoothed; 0 until measured. */
  speed: number;
  /** Seconds, null while unknown. */
  timeLeft: number | null;
  /** Chinese, from the server's refusal or the network. */
  error?: string;
  /** True when the server refused the file itself (no point retrying the same file). */
  refused?: boolean;
}

type Meta = { nominationId: string; setKey: string; slotId: string; filename: string };

const ENDPOINT = '/api/uploads';
/** Chunks keep each request short, so a drop costs little and pause answers quickly. */
const CHUNK_BYTES = 8 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000];

/**
 * Keys for files still being checked, before Uppy names them. A counter, not crypto.randomUUID: that
 * exists only in secure contexts (HTTPS or localhost), and an intranet serves the platform over HTTP.
 */
let localKeys = 0;
const nextLocalKey = () => `local-${++localKeys}`;

type UppyInstance = Uppy<Meta, Record<string, never>>;

/**
 * Finished files leave Uppy (so the same file may be chosen again) only once the tus plugin has let go
 * of them, when their batch (or retry) is complete: removed any earlier, from 'upload-success', the
 * plugin takes the removal for a cancel and asks the server to delete the finished upload, which it
 * refuses (409) again and again.
 */
function removeFinished(uppy: UppyInstance, result: { successful?: { id: string }[] } | undefined) {
  for (const file of result?.successful ?? []) if (uppy.getFile(file.id)) uppy.removeFile(file.id);
}

export function useSlotUploads(options: {
  nominationId: string;
  setKey: string;
  slot: MaterialSlotSpec;
  /** The platform converts films: one conversion mends goes up as it is. */
  conversion: boolean;
  onUploaded: () => void;
}) {
  const { nominationId, setKey, slot, conversion } = options;
  const [items, setItems] = useState<UploadItem[]>([]);
  const onUploaded = useRef(options.onUploaded);
  onUploaded.current = options.onUploaded;
  const uppyRef = useRef<UppyInstance | null>(null);
  const samples = useRef(new Map<string, { at: number; bytes: number }>());

  const update = useCallback((key: string, change: (item: UploadItem) => Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change(item) } : item)));
  }, []);

  useEffect(() => {
    const uppy: UppyInstance = new Uppy<Meta, Record<string, never>>({
      id: uppyIdFor(nominationId, setKey, slot.id),
      autoProceed: true,
      allowMultipleUploadBatches: true,
    });
    uppy.use(Tus, {
      endpoint: ENDPOINT,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      allowedMetaFields: ['nominationId', 'setKey', 'slotId', 'filename'],
      onBeforeRequest: async (req) => {
        req.setHeader('x-csrf-token', await uploadCsrfToken());
      },
    });
    const keyOf = (file: UppyFile<Meta, Record<string, never>> | undefined) => file?.id ?? '';
    uppy.on('upload-progress', (file, progress) => {
      const key = keyOf(file);
      const now = performance.now();
      const bytes = progress.bytesUploaded ?? 0;
      const last = samples.current.get(key);
      samples.current.set(key, { at: now, bytes });
      update(key, (item) => {
        let speed = item.speed;
        if (last && now - last.at > 200 && bytes >= last.bytes) {
          const instant = ((bytes - last.bytes) * 1000) / (now - last.at);
          speed = speed === 0 ? instant : speed * 0.7 + instant * 0.3;
        } else if (last && now - last.at <= 200) {
          samples.current.set(key, last); // too close to measure; keep the older sample
        }
        const total = progress.bytesTotal ?? item.bytes;
        return {
          uploaded: bytes,
          speed,
          timeLeft: speed > 0 ? (total - bytes) / speed : null,
          phase: item.phase === 'paused' ? 'paused' : 'uploading',
        };
      });
    });
    uppy.on('upload-success', (file) => {
      const key = keyOf(file);
      update(key, (item) => ({ phase: 'done', uploaded: item.bytes, timeLeft: 0 }));
      onUploaded.current();
      // The finished line stays a moment, then the file appears in the slot's list instead.
      setTimeout(() => setItems((list) => list.filter((item) => item.key !== key)), 1500);
    });
    uppy.on('upload-error', (file, _error, response) => {
      const xhr = (response?.body as { xhr?: XMLHttpRequest } | undefined)?.xhr;
      const { message, refused } = uploadRefusal(xhr?.status ?? 0, xhr?.responseText ?? '');
      if (refused) void uploadCsrfToken(true); // a stale token is one reason for a refusal
      update(keyOf(file), () => ({ phase: 'failed', error: message, refused, speed: 0, timeLeft: null }));
    });
    uppy.on('complete', (result) => removeFinished(uppy, result));
    uppy.on('upload-pause', (file, isPaused) => {
      update(keyOf(file), () => ({ phase: isPaused ? 'paused' : 'uploading', speed: 0, timeLeft: null }));
    });
    uppyRef.current = uppy;
    return () => {
      uppyRef.current = null;
      uppy.destroy();
    };
  }, [nominationId, setKey, slot.id, update]);

  const add = useCallback(
    async (file: File) => {
      const local = nextLocalKey();
      setItems((list) => [
        ...list,
        {
          key: local,
          fileName: file.name,
          bytes: file.size,
          phase: 'checking',
          uploaded: 0,
          speed: 0,
          timeLeft: null,
        },
      ]);
      let precheck: Precheck;
      try {
        precheck = precheckMaterial(await readForPrecheck(file), slot, { conversion });
      } catch {
        update(local, () => ({
          phase: 'failed',
          error: '无法读取该文件，请确认文件没有被移动或删除后重新选择。',
          refused: true,
        }));
        return;
      }
      if (precheck.blocked) {
        update(local, () => ({ phase: 'blocked', precheck }));
        return;
      }
      const uppy = uppyRef.current;
      if (!uppy) return;
      try {
        const id = uppy.addFile({
          name: file.name,
          type: file.type,
          data: file,
          meta: { nominationId, setKey, slotId: slot.id, filename: normaliseFileName(file.name) },
        });
        update(local, () => ({ key: id, phase: 'uploading', precheck }));
      } catch {
        // Uppy refuses the same file twice in one batch: it is already on its way.
        update(local, () => ({ phase: 'failed', error: '这个文件已在上传中。', refused: true, precheck }));
      }
    },
    [nominationId, setKey, slot, conversion, update],
  );

  const pauseResume = useCallback((key: string) => uppyRef.current?.pauseResume(key), []);
  const retry = useCallback(
    (key: string) => {
      update(key, () => ({ phase: 'uploading', error: undefined }));
      const uppy = uppyRef.current;
      // A retry is a batch of its own that emits no 'complete'.
      void uppy?.retryUpload(key).then((result) => removeFinished(uppy, result));
    },
    [update],
  );
  const dismiss = useCallback((key: string) => {
    const uppy = uppyRef.current;
    if (uppy?.getFile(key)) uppy.removeFile(key);
    setItems((list) => list.filter((item) => item.key !== key));
  }, []);

  const active = items.filter(
    (i) => i.phase === 'uploading' || i.phase === 'checking' || i.phase === 'paused',
  );
  return { items, add, pauseResume, retry, dismiss, busy: active.length > 0 };
}
