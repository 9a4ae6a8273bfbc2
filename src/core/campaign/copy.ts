/**
 * Starting this year's campaign from last year's. What carries over is what rarely changes (quotas,
 * materials, thresholds, contacts); what always changes is cleared so it has to be entered again.
 *
 * The deadline is cleared, not shifted by a year: deadlines move every year (national 2024 was
 * 4月10日, the Jilin 2023 round 7月12日), and a plausible date carried over unnoticed would tell units
 * the wrong day. validateCampaignRules reports DEADLINE_MISSING until the organiser sets it, so the
 * campaign cannot open without a deliberate date. Document number and issue date are cleared too.
 */
import type { CampaignRules } from './rules.ts';

export function copyRulesForYear(rules: CampaignRules, year: number): CampaignRules {
  const copy = structuredClone(rules);
  const previousYear = String(rules.year);
  copy.year = year;
  // Titles name their year (2024年全国新时代…); other numbers in the title are left alone.
  copy.title = rules.title.replaceAll(`${previousYear}年`, `${year}年`);
  copy.deadline = { date: null, time: rules.deadline.time, timeFromNotice: false };
  copy.documentNumber = null;
  copy.issuedOn = null;
  return copy;
}
