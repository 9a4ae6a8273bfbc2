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
import { convertManyToPdf } from '#server/platform/documents/convert-to-pdf.ts';
import { renderRegistrationXlsx } from '#server/platform/documents/render-registration-xlsx.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import type { NominationRow } from '../nominations/queries.ts';
import { formPdfKey, keepFormPdf, readCachedFormPdf } from './form-pdf-cache.ts';
import { formInputs, nominationDocx, registrationSheets } from './nomination-documents.ts';

const PDF_BATCH = 12;
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
  const pdfs = new Map<string, Promise<Buffer>>();

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

  /** Starts the batch from `id` on; each PDF is dropped from memory once written. */
  function pdfOf(id: string): Promise<Buffer> {
    if (!pdfs.has(id)) {
      const from = input.pdfOrder.indexOf(id);
      const batch = input.pdfOrder.slice(from, from + PDF_BATCH).filter((b) => !pdfs.has(b));
      const converted = pdfBatch(batch);
      batch.forEach((b, i) => {
        const one = converted.then((all) => all[i]!);
        one.catch(() => {}); // the entry that awaits it reports the failure
        pdfs.set(b, one);
      });
    }
    const pdf = pdfs.get(id)!;
    pdfs.delete(id);
    return pdf;
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
