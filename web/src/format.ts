/** Dates and times as Chinese officials write them, always in Beijing time whatever the browser's zone. */
import { formatBeijingClock, formatBeijingDate, formatBeijingDateTime } from '#core/calendar/beijing-time.ts';

type Value = string | Date | null | undefined;

/** A dash for no value; a value that is no date shown as it came rather than hidden. */
const shown = (value: Value, format: (v: string | Date) => string) =>
  value ? format(value) || String(value) : '—';

/** 2024年4月10日 */
export const formatDate = (value: Value) => shown(value, formatBeijingDate);

/** 2024年4月10日 14:30 */
export const formatDateTime = (value: Value) => shown(value, formatBeijingDateTime);

/** 14:30:05, Beijing time: when a draft was last saved. */
export const formatClock = (value: Value) => shown(value, formatBeijingClock);
