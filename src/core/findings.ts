/**
 * A finding is what every business rule in core returns: a problem (or a caution) with a Chinese
 * message that tells the user what to fix. The browser, the server and the CLI show the same findings.
 */
/**
 * An error must be fixed before submitting; a warning asks a person to check; an info line only tells
 * (an earlier nomination that was not selected, a win at another level) and never stands in the way.
 */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** Stable, upper snake case, e.g. `ID_CHECKSUM_MISMATCH`. Never changes once published. */
  code: string;
  severity: Severity;
  /** The field the finding is about, as a dotted path (`idNumber`, `entity.creditCode`); '' for the whole record. */
  field: string;
  /** zh-CN, says what is wrong and what to do. */
  message: string;
}

export function error(code: string, field: string, message: string): Finding {
  return { code, severity: 'error', field, message };
}

export function warning(code: string, field: string, message: string): Finding {
  return { code, severity: 'warning', field, message };
}

export function info(code: string, field: string, message: string): Finding {
  return { code, severity: 'info', field, message };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/**
 * A message as a clause of a longer sentence: without its closing 。 and with inner full stops made
 * 「；」, so that messages strung together never read 「。；」 or 「。。」.
 */
export function asClause(message: string): string {
  return message
    .trim()
    .replace(/[。．.；;，,\s]+$/u, '')
    .replace(/。\s*/gu, '；');
}

/** Messages as one sentence: 「甲；乙；丙。」. */
export function joinMessages(messages: readonly string[]): string {
  const clauses = messages.map(asClause).filter((m) => m !== '');
  return clauses.length > 0 ? `${clauses.join('；')}。` : '';
}
