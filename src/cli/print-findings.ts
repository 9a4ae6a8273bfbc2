/**
 * How command-line tools show findings and usage problems. Results, findings included, go to
 * stdout (they are what a check command is for); usage problems go to stderr with exit code 2, so
 * scripts can tell "the value is wrong" (1) from "the command was called wrongly" (2).
 */
import type { Finding } from '#core/findings.ts';

const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '说明' } as const;

/** One line per finding: `错误 ID_CHECKSUM：身份证号第18位校验码应为 X……`. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((finding) => `  ${SEVERITY_LABELS[finding.severity]} ${finding.code}：${finding.message}`)
    .join('\n');
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Prints the problem and the usage line to stderr; returns the exit code for usage errors. */
export function printUsageError(problem: string, usage: string): number {
  console.error(`${problem}\n${usage}`);
  return 2;
}

/** The message of a `node:util` parseArgs error, in Chinese where it matters. */
export function describeArgsError(caught: unknown): string {
  const text = caught instanceof Error ? caught.message : String(caught);
  const unknown = /Unknown option '([^']+)'/.exec(text);
  if (unknown) return `未知选项「${unknown[1]}」`;
  const missingValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(text);
  if (missingValue) return `选项「${missingValue[1]}」缺少取值`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(text);
  if (unexpected) return `多余的参数「${unexpected[1]}」`;
  return `参数有误：${text}`;
}
