/**
 * Instants in Beijing time: the one formatter the server, the exports and the browser share. China has had
 * no daylight saving time since 1991, so Beijing time is UTC+08:00 all year and a fixed offset is exact: no
 * time-zone data is needed, and a browser set to another zone (or a server on UTC) writes the same thing.
 */

const OFFSET_MS = 8 * 3_600_000;

/** A Date, epoch milliseconds or an ISO string (as JSON carries times). */
export type Instant = Date | number | string;

export interface BeijingTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** An instant's Beijing calendar date and wall-clock time; undefined when it is not an instant. */
export function beijingTime(instant: Instant): BeijingTime | undefined {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Each formatter gives '' for something that is not an instant, so a caller chooses its own blank. */
const format = (instant: Instant, write: (t: BeijingTime) => string) => {
  const t = beijingTime(instant);
  return t ? write(t) : '';
};

/** `2024-04-10`: the Beijing date of an instant, as deadlines and 公示 periods count days. */
export const beijingIsoDate = (instant: Instant) =>
  format(instant, (t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`);

/** `2024年4月10日` */
export const formatBeijingDate = (instant: Instant) =>
  format(instant, (t) => `${t.year}年${t.month}月${t.day}日`);

/** `2024年4月10日 14:30` */
export const formatBeijingDateTime = (instant: Instant) =>
  format(instant, (t) => `${t.year}年${t.month}月${t.day}日 ${pad(t.hour)}:${pad(t.minute)}`);

/** `14:30:05` */
export const formatBeijingClock = (instant: Instant) =>
  format(instant, (t) => `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`);
