/** 条件1–N of the notice are political and moral judgements: the nominating unit attests each one. */
import { error, type Finding } from '#core/findings.ts';

export function conditionFindings(conditions: readonly string[], attested: unknown, code: string): Finding[] {
  const list = Array.isArray(attested) ? attested : [];
  return conditions.flatMap((title, i) =>
    list[i] === true
      ? []
      : [error(code, `conditionsAttested.${i}`, `请由推介单位对照通知核实并确认${title}。`)],
  );
}
