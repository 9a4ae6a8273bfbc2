/**
 * The container a film really is, from its first bytes: an MP4's `ftyp` box names its brand, and a
 * QuickTime film renamed .mp4 says `qt  ` (or starts with a bare `moov`/`mdat` atom). The browser reads
 * this before uploading, so a MOV is stopped with its reason instead of after 300 MB. Pure; mirrors
 * the server's reading of ffprobe's `major_brand` (platform/media/probe-video.ts).
 */
import type { VideoContainer } from './probed.ts';

export interface VideoContainerHeader {
  container: VideoContainer;
  /** As ffprobe names containers other than MP4/MOV (`avi`, `matroska,webm`, `flv`, `3GP`); else mp4/mov. */
  formatName: string;
  /** The ftyp major brand (`isom`, `mp42`, `qt  `), '' when the file has none. */
  brand: string;
  compatibleBrands: string[];
}

/** Brands of real MP4 files (ISO base media). QuickTime is `qt  `; 3GPP phones write `3gp4`, `3g2a`. */
const MP4_BRANDS = /^(isom|iso\d|mp4[12]|avc1|M4V[ HP]?|M4A |dash|mmp4|f4v |XAVC|MSNV|NDAS)$/;
/** HEIC/AVIF stills share the box structure; they are pictures, not films. */
export const IMAGE_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);
/** Top-level QuickTime atoms an old MOV may start with instead of `ftyp`. */
export const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

/**
 * What an ISO/QuickTime file's major brand makes it; the server reads the same brand from ffprobe, so
 * browser and server call a film the same thing.
 */
export function containerOfBrand(brand: string): { container: VideoContainer; formatName: string } {
  const trimmed = brand.trim();
  if (trimmed === 'qt' || trimmed === '') return { container: 'mov', formatName: 'mov' };
  if (MP4_BRANDS.test(brand)) return { container: 'mp4', formatName: 'mp4' };
  if (brand.startsWith('3g')) return { container: 'other', formatName: '3GP' };
  return { container: 'mp4', formatName: 'mp4' }; // an ISO brand we do not list is still ISO media
}

function fromBrand(brand: string, compatibleBrands: string[]): VideoContainerHeader {
  return { ...containerOfBrand(brand), brand, compatibleBrands };
}

/** The ftyp box: size (4), `ftyp`, major brand (4), minor version (4), compatible brands (4 each). */
function ftyp(head: Uint8Array): VideoContainerHeader {
  const size = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  const end = Math.min(size, head.length);
  const compatible: string[] = [];
  for (let i = 16; i + 4 <= end; i += 4) compatible.push(ascii(head, i, i + 4));
  return fromBrand(ascii(head, 8, 12), compatible);
}

/** Undefined when the bytes are not a film we know (nor an ISO still image). */
export function readVideoContainer(head: Uint8Array): VideoContainerHeader | undefined {
  if (head.length < 12) return undefined;
  const box = ascii(head, 4, 8);
  if (box === 'ftyp') return IMAGE_BRANDS.has(ascii(head, 8, 12)) ? undefined : ftyp(head);
  if (QUICKTIME_ATOMS.has(box)) return fromBrand('', []);
  const other = (formatName: string): VideoContainerHeader => ({
    container: 'other',
    formatName,
    brand: '',
    compatibleBrands: [],
  });
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 11) === 'AVI') return other('avi');
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return other('matroska,webm');
  if (ascii(head, 0, 3) === 'FLV') return other('flv');
  return undefined;
}
