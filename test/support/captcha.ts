/** The objection form's text question, read and answered as a person (or a screen reader's user) would. */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The answer to `一加三等于几？…` or `九减二等于几？…`, in digits. */
export function answer(question: string): string {
  const m = /^(.+?)([加减])(.+?)等于几/.exec(question);
  if (!m) throw new Error(`not a captcha question: ${question}`);
  const [a, b] = [DIGITS.indexOf(m[1]!), DIGITS.indexOf(m[3]!)];
  return String(m[2] === '加' ? a + b : a - b);
}
