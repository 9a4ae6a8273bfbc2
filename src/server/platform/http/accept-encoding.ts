/** The content codings the server can send, best first. */
export type Coding = 'br' | 'gzip';

/**
 * The coding to answer a request with, from its `Accept-Encoding`: brotli when accepted (smaller), else
 * gzip, else none. A coding listed with `q=0` is refused, and `*` accepts whatever is not listed.
 */
export function chooseCoding(header: string | string[] | undefined): Coding | null {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const weights = new Map<string, number>();
  for (const part of value.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (coding: Coding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}
