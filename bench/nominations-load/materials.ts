/**
 * Material that passes its slot's spec, uploaded as the browser does (tus over HTTP: POST to create, PATCH
 * the bytes), for every required slot of a nomination; then the wait for the server's check of each file.
 * Submitting requires it, so a race of submits without it races nothing.
 */
import { noisePhoto, summaryPdf } from '#server/seed/demo-files.ts';
import { type Caller, type Client, sleep } from './http.ts';

interface SlotView {
  setKey: string;
  slot: {
    id: string;
    kind: string;
    label: string;
    required: boolean;
    count: { min: number };
    minBytes?: number;
  };
  files: { state: string }[];
}

const made = new Map<string, Promise<Buffer>>();
function contentFor(slot: SlotView['slot']): Promise<Buffer> {
  if (slot.kind === 'video') {
    throw new Error(`slot ${slot.id} requires a video; the bench makes photos and documents only`);
  }
  const key = `${slot.kind}:${slot.minBytes ?? 0}`;
  if (!made.has(key)) {
    made.set(key, slot.kind === 'document' ? Promise.resolve(summaryPdf()) : noisePhoto(slot.minBytes ?? 0));
  }
  return made.get(key)!;
}

const metadata = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');

async function upload(
  client: Client,
  who: Caller,
  nominationId: string,
  setKey: string,
  slot: SlotView['slot'],
  n: number,
) {
  const data = await contentFor(slot);
  const filename = `${slot.label}-${n}.${slot.kind === 'document' ? 'pdf' : 'jpg'}`;
  const created = await client.send(who, 'POST', '/api/uploads', undefined, {
    'tus-resumable': '1.0.0',
    'upload-length': String(data.length),
    'upload-metadata': metadata({ nominationId, setKey, slotId: slot.id, filename }),
  });
  if (created.status !== 201)
    throw new Error(`upload to ${slot.id}: POST → ${created.status} ${created.body}`);
  const location = new URL(String(created.headers.location), 'http://127.0.0.1');
  const patched = await client.send(who, 'PATCH', location.pathname, data, {
    'tus-resumable': '1.0.0',
    'upload-offset': '0',
    'content-type': 'application/offset+octet-stream',
  });
  if (patched.status !== 204 || !patched.headers['material-id']) {
    throw new Error(`upload to ${slot.id}: PATCH → ${patched.status} ${patched.body}`);
  }
}

/** Uploads what every required slot lacks, up to its minimum count; resolves once the server has checked it all. */
export async function supplyRequiredMaterials(
  client: Client,
  who: Caller,
  nominationId: string,
): Promise<void> {
  const list = () =>
    client
      .call<{ slots: SlotView[] }>(who, 'GET', `/api/nominations/${nominationId}/materials`)
      .then((r) => r.slots);
  for (const { setKey, slot, files } of await list()) {
    if (!slot.required) continue;
    for (let i = files.length; i < slot.count.min; i++)
      await upload(client, who, nominationId, setKey, slot, i + 1);
  }
  for (;;) {
    const states = (await list()).flatMap((s) => s.files.map((f) => f.state));
    if (states.every((s) => s !== 'pending' && s !== 'converting')) return;
    await sleep(200);
  }
}
