/**
 * Age bands of 百姓学习之星 for the statistics: the age a star had on 31 December of the campaign's year,
 * so one nominee is counted in one band whatever day the report is made. Bands are wide on purpose: a
 * table of ages by province must never single a person out.
 */
export const AGE_BANDS = ['35岁以下', '35至44岁', '45至54岁', '55至64岁', '65岁及以上', '未知'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years between a YYYY-MM-DD birth date and `on` (YYYY-MM-DD); undefined when either is not a date. */
export function ageOn(birthDate: string, on: string): number | undefined {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const o = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !o) return undefined;
  const years = Number(o[1]) - Number(b[1]);
  const birthdayPassed = `${o[2]}-${o[3]}` >= `${b[2]}-${b[3]}`;
  const age = birthdayPassed ? years : years - 1;
  return age >= 0 ? age : undefined;
}

export function ageBand(age: number | undefined): AgeBand {
  if (age === undefined) return '未知';
  if (age < 35) return '35岁以下';
  if (age < 45) return '35至44岁';
  if (age < 55) return '45至54岁';
  if (age < 65) return '55至64岁';
  return '65岁及以上';
}

/** The band of a star born on `birthDate` in the campaign of `year`. */
export const ageBandInYear = (birthDate: string | undefined, year: number): AgeBand =>
  ageBand(birthDate ? ageOn(birthDate, `${year}-12-31`) : undefined);
