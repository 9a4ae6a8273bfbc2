/**
 * The receipt number an objector keeps to look the status up (with their phone number): the year's two
 * digits and 10 characters drawn at random from an alphabet without look-alikes (no I, L, O, U: Crockford's
 * base 32), 50 random bits, so a number cannot be guessed from another one.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_RANDOM_LENGTH = 10;
const RECEIPT_PATTERN = new RegExp(`^\\d{2}[${RECEIPT_ALPHABET}]{${RECEIPT_RANDOM_LENGTH}}$`);

/** `random` is at least 10 random bytes (the caller's crypto); 32 letters take 5 bits each, evenly. */
export function formatReceipt(year: number, random: Uint8Array): string {
  if (random.length < RECEIPT_RANDOM_LENGTH) throw new RangeError('回执编号需要至少 10 个随机字节');
  const yy = String(year % 100).padStart(2, '0');
  let tail = '';
  for (let i = 0; i < RECEIPT_RANDOM_LENGTH; i++) tail += RECEIPT_ALPHABET[random[i]! & 31];
  return yy + tail;
}

/** A receipt as typed: spaces and dashes dropped, upper case, the look-alikes read as what they stand for. */
export function normaliseReceipt(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isReceipt(value: string): boolean {
  return RECEIPT_PATTERN.test(value);
}
