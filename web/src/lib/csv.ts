/** CSV for the list of imported accounts and their one-time passwords, written by core's one CSV writer. */
import { csvText } from '#core/csv.ts';

export function toCsv(header: string[], rows: string[][]): Blob {
  return new Blob([csvText([header, ...rows])], { type: 'text/csv;charset=utf-8' });
}
