/**
 * The public form's captcha: an arithmetic question in Chinese words, which a screen reader reads and a
 * person answers in digits (not an image: the form must be usable without sight). The token carries the
 * expiry and an HMAC of the answer under a per-process random key, so nothing is stored; a token answered
 * once is remembered until it expires, so one solved question does not open a burst of submissions.
 * A restart forgets the key: questions issued before it are asked again, which a 10-minute question can bear.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const KEY = randomBytes(32);
const LIFETIME_MS = 10 * 60 * 1000;
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const used = new Map<string, number>();

function sign(answer: string, expires: number, nonce: string): string {
  return createHmac('sha256', KEY).update(`${answer}|${expires}|${nonce}`).digest('base64url');
}

export function issueCaptcha(now: Date): { token: string; question: string } {
  const plus = randomInt(2) === 0;
  let a = randomInt(1, 11);
  let b = randomInt(1, 11);
  if (!plus && b > a) [a, b] = [b, a];
  const answer = String(plus ? a + b : a - b);
  const expires = now.getTime() + LIFETIME_MS;
  const nonce = randomBytes(9).toString('base64url');
  return {
    token: `${expires}.${nonce}.${sign(answer, expires, nonce)}`,
    question: `${DIGITS[a]}${plus ? '加' : '减'}${DIGITS[b]}等于几？请用阿拉伯数字填写。`,
  };
}

/** True once per token: the right answer before the token expires. */
export function checkCaptcha(token: string, answer: string, now: Date): boolean {
  const [expiresText, nonce, mac] = token.split('.');
  const expires = Number(expiresText);
  if (!nonce || !mac || !Number.isFinite(expires) || expires < now.getTime()) return false;
  const given = answer.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,3}$/.test(given)) return false;
  const expected = Buffer.from(sign(String(Number(given)), expires, nonce));
  const actual = Buffer.from(mac);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return false;
  for (const [n, until] of used) if (until < now.getTime()) used.delete(n);
  if (used.has(nonce)) return false;
  used.set(nonce, expires);
  return true;
}
