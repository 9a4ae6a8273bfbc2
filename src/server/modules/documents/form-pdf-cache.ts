/**
 * PDFs of submitted forms, kept in storage under the SHA-256 of what they are drawn from (layout, values
 * as the viewer may see them, footer, renderer version): a submitted form does not change, so asking for
 * it again reads the PDF instead of starting LibreOffice. A draft changes with every save and is not kept.
 * Requests for the same PDF while it is being made wait for that one conversion.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { FORM_RENDERER_VERSION } from '#server/platform/documents/render-form-docx.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import type { formInputs } from './nomination-documents.ts';

export function formPdfKey(inputs: ReturnType<typeof formInputs>): string {
  const content = JSON.stringify({ renderer: FORM_RENDERER_VERSION, ...inputs });
  return createHash('sha256').update(content).digest('hex');
}

const storageKey = (key: string) => `pdf-cache/forms/${key}.pdf`;
const making = new Map<string, Promise<Buffer>>();

/** The PDF kept under `key`, if one was. */
export async function readCachedFormPdf(storage: Storage, key: string): Promise<Buffer | undefined> {
  try {
    return await buffer(await storage.read(storageKey(key)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function keepFormPdf(storage: Storage, key: string, pdf: Buffer): Promise<void> {
  await storage.write(storageKey(key), Readable.from([pdf]));
}

/** The PDF kept under `key`, or the one `make` makes, then kept. */
export function cachedFormPdf(storage: Storage, key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const pending = making.get(key);
  if (pending) return pending;
  const made = (async () => {
    const cached = await readCachedFormPdf(storage, key);
    if (cached) return cached;
    const pdf = await make();
    await keepFormPdf(storage, key, pdf);
    return pdf;
  })().finally(() => making.delete(key));
  making.set(key, made);
  return made;
}
