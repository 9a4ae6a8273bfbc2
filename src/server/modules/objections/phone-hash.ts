import { createHash } from 'node:crypto';

/** SHA-256 of a normalised phone: a status lookup is checked against it without reading the identity. */
export const phoneHash = (normalisedPhone: string) =>
  createHash('sha256').update(normalisedPhone).digest('hex');
