/**
 * The bytes of each planned package entry, made when the ZIP writer reaches it: a form is rendered
 * then (one nomination at a time, never the whole campaign in memory), a material is streamed from
 * storage. PDFs go through LibreOffice a batch of nominations at a time, because starting it costs
 * most of a conversion; only that batch is held in memory. A submitted form's PDF is the one kept when
 * it was first made (for a download or an earlier package), and one made here is kept for the next.
 */
import { Readable } from 'node:stream';
import type { CampaignRules, Category } from '#core/campaign/rules.ts';
import type { EntrySource } from '#core/documents/index.ts';
import { convertManyToPdf, MAX_FILES_PER_RUN } from '#server/platform/documents/convert-to-pdf.ts';
import { renderRegistrationXlsx } from '#server/platform/documents/render-registration-xlsx.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import type { NominationRow } from '../nominations/queries.ts';
import { formPdfKey, keepFormPdf, readCachedFormPdf } from './form-pdf-cache.ts';
import { formInputs, nominationDocx, registrationSheets } from './nomination-documents.ts';

/** As many forms as one LibreOffice run takes: its start (4 s on 2 cores) costs as much as 40 forms in a run. */
const PDF_BATCH = MAX_FILES_PER_RUN;
/** Everyone who may have a package may see the nominees' full details (PIPL: the download is audited). */
const FULL = { maskPersonalData: false };

export function packageSources(input: {
  storage: Storage;
  rules: CampaignRules;
  nominations: readonly NominationRow[];
  /** Nominations whose PDF is in the package, in the package's order. */
  pdfOrder: readonly string[];
}) {
  const byId = new Map(input.nominations.map((n) => [n.id, n]));

  const docx = async (id: string) => (await nominationDocx(byId.get(id)!, input.rules, FULL)).body;

  /** The PDFs of `ids`, in order: those kept read back, the rest converted in one LibreOffice run. */
  async function pdfBatch(ids: readonly string[]): Promise<Buffer[]> {
    const keys = ids.map((id) => {
      const n = byId.get(id)!;
      // A draft changes with every save: its PDF is not worth keeping.
      return n.contentHash ? formPdfKey(formInputs(n, input.rules, FULL)) : null;
    });
    const kept = await Promise.all(
      keys.map((key) => (key ? readCachedFormPdf(input.storage, key) : undefined)),
    );
    const missing = ids.filter((_, i) => !kept[i]);
    const made = await convertManyToPdf(await Promise.all(missing.map(docx)), '.docx', { lane: 'package' });
    let next = 0;
    return Promise.all(
      ids.map(async (_, i) => {
        if (kept[i]) return kept[i];
        const pdf = made[next++]!;
        if (keys[i]) await keepFormPdf(input.storage, keys[i], pdf);
        return pdf;
      }),
    );
  }

  const position = new Map(input.pdfOrder.map((id, i) => [id, i]));
  /** Batches started and not yet wholly written, with how many of their PDFs are still to be taken. */
  const batches = new Map<number, { pdfs: Promise<Buffer[]>; left: number }>();
  const started = new Set<number>();

  function start(batch: number) {
    if (started.has(batch) || batch * PDF_BATCH >= input.pdfOrder.length) return;
    started.add(batch);
    const ids = input.pdfOrder.slice(batch * PDF_BATCH, (batch + 1) * PDF_BATCH);
    const pdfs = pdfBatch(ids);
    pdfs.catch(() => {}); // the entry that awaits it reports the failure
    batches.set(batch, { pdfs, left: ids.length });
  }

  /**
   * The PDF of `id`. Its batch and the next are under way (side by side where the server has the cores),
   * so LibreOffice converts while the ZIP writes; a batch leaves memory once its last PDF is taken.
   */
  async function pdfOf(id: string): Promise<Buffer> {
    const at = position.get(id)!;
    const batch = Math.floor(at / PDF_BATCH);
    start(batch);
    start(batch + 1);
    const entry = batches.get(batch)!;
    if (--entry.left === 0) batches.delete(batch);
    return (await entry.pdfs)[at % PDF_BATCH]!;
  }

  async function registration(unitId: string, category: Category) {
    const rows = input.nominations.filter((n) => n.unitId === unitId && n.category === category);
    return renderRegistrationXlsx(registrationSheets(rows, category, input.rules, () => FULL));
  }

  return async function open(source: EntrySource): Promise<Readable> {
    switch (source.kind) {
      case 'material':
        return input.storage.read(source.storageKey);
      case 'registration':
        return Readable.from([await registration(source.unitId, source.category)]);
      default:
        return Readable.from([
          source.format === 'pdf' ? await pdfOf(source.nominationId) : await docx(source.nominationId),
        ]);
    }
  };
}
