/**
 * Material for tests, uploaded the way the browser does it (tus: POST to create, PATCH the bytes) through
 * the real app. `supplyRequiredMaterials` gives a nomination real files that pass its slots' specs, so
 * tests that submit go through the real submit rule instead of a weakened one.
 */
import type { LightMyRequestResponse } from 'fastify';
import { summaryPdf } from '#server/seed/demo-files.ts';
import { noisyJpeg } from '../fixtures/media/generate.ts';
import { as, type Session, type TestApp } from './app.ts';

export interface UploadInput {
  nominationId: string;
  setKey: string;
  slotId: string;
  filename: string;
  data: Buffer;
}

/** tus Upload-Metadata: comma-separated `key base64(value)` pairs. */
export function tusMetadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');
}

export function tusHeaders(session: Session | null, extra: Record<string, string> = {}) {
  return { ...(session ? as(session) : {}), 'tus-resumable': '1.0.0', ...extra };
}

export interface UploadResult {
  created: LightMyRequestResponse;
  patched?: LightMyRequestResponse;
  /** Set when the upload completed and the server made its material row. */
  materialId?: string;
}

/** Creates an upload with the file's length and sends the whole body in one PATCH. */
export async function uploadThroughTus(
  t: TestApp,
  session: Session,
  input: UploadInput,
  length = input.data.length,
): Promise<UploadResult> {
  const { data, ...metadata } = input;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: tusHeaders(session, {
      'upload-length': String(length),
      'upload-metadata': tusMetadata({ ...metadata, filename: input.filename }),
    }),
  });
  if (created.statusCode !== 201) return { created };
  const patched = await t.app.inject({
    method: 'PATCH',
    url: String(created.headers.location),
    headers: tusHeaders(session, {
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    }),
    payload: data,
  });
  const materialId = patched.headers['material-id'];
  return { created, patched, materialId: typeof materialId === 'string' ? materialId : undefined };
}

const jpegs = new Map<number, Promise<Buffer>>();

/** A real 300 dpi JPEG of at least `minBytes` (noise compresses to about a byte a pixel at quality 95). */
export function photoOfAtLeast(minBytes = 0): Promise<Buffer> {
  let photo = jpegs.get(minBytes);
  if (!photo) {
    const pixels = Math.max(400 * 300, Math.ceil(minBytes * 1.3));
    const width = Math.ceil(Math.sqrt(pixels * 1.5));
    photo = noisyJpeg(width, Math.ceil(pixels / width), 300).then((jpeg) => {
      if (jpeg.length < minBytes) throw new Error(`fixture JPEG ${jpeg.length} < ${minBytes}`);
      return jpeg;
    });
    jpegs.set(minBytes, photo);
  }
  return photo;
}

interface SlotView {
  setKey: string;
  status: string;
  slot: { id: string; kind: string; required: boolean; count: { min: number }; minBytes?: number };
  files: unknown[];
}

/**
 * Uploads real files to every required slot that has none, enough for its minimum count, and waits for
 * the check job's verdict on them: they are made to pass the slot's spec, and a test that submits gets
 * the real submit rule.
 */
export async function supplyRequiredMaterials(t: TestApp, session: Session, nominationId: string) {
  const listed = await t.app.inject({
    method: 'GET',
    url: `/api/nominations/${nominationId}/materials`,
    headers: as(session),
  });
  if (listed.statusCode !== 200) throw new Error(`materials list failed: ${listed.body}`);
  const slots = listed.json().slots as SlotView[];
  for (const { setKey, slot, files } of slots) {
    if (!slot.required) continue;
    for (let i = files.length; i < slot.count.min; i++) {
      const document = slot.kind === 'document';
      const result = await uploadThroughTus(t, session, {
        nominationId,
        setKey,
        slotId: slot.id,
        filename: document ? '工作总结.pdf' : `${slot.id}-${i + 1}.jpg`,
        data: document ? summaryPdf() : await photoOfAtLeast(slot.minBytes ?? 0),
      });
      if (!result.materialId) {
        throw new Error(`upload to ${slot.id} failed: ${result.created.body} ${result.patched?.body ?? ''}`);
      }
    }
  }
  const checked = await checkedMaterials(t, nominationId);
  const failed = checked.filter((m) => m.state !== 'passed');
  if (failed.length > 0) throw new Error(`test material failed its check: ${JSON.stringify(failed)}`);
}

/** Waits until the check job has judged every file of a nomination; returns them. */
export async function checkedMaterials(t: TestApp, nominationId: string) {
  for (;;) {
    const rows = await t.database.db
      .selectFrom('materials')
      .select(['id', 'slotId', 'fileName', 'state', 'findings'])
      .where('nominationId', '=', nominationId)
      .execute();
    if (rows.every((r) => r.state !== 'pending' && r.state !== 'converting')) return rows;
    await new Promise((r) => setTimeout(r, 50));
  }
}
