/** Real files that pass the notices' specs, made on the spot for the demo (and the tests' fixtures). */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A noise photo (noise does not compress: about a byte a pixel at quality 95) of at least `minBytes`. */
export async function noisePhoto(minBytes: number): Promise<Buffer> {
  const pixels = Math.max(600 * 400, Math.ceil(minBytes * 1.3));
  const width = Math.ceil(Math.sqrt(pixels * 1.5));
  const height = Math.ceil(pixels / width);
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withMetadata({ density: 300 })
    .toBuffer();
}

/** A one-page PDF, as a work summary exported from WPS or Word looks to the probe. */
export function summaryPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
