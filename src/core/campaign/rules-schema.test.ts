import { describe, expect, it } from 'vitest';
import { campaignRulesSchema, parseCampaignRules } from './rules-schema.ts';
import { getTemplate } from './templates/index.ts';

describe('campaign rules schema', () => {
  it('round-trips both templates through JSON', () => {
    for (const id of ['national-2024', 'jilin-2023']) {
      const rules = getTemplate(id)!;
      expect(campaignRulesSchema.parse(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
    }
  });

  it('refuses wrong shapes with field paths, never throws', () => {
    const rules = getTemplate('national-2024')! as unknown as Record<string, unknown>;
    const broken = {
      ...rules,
      level: 'county',
      extra: 1,
      quotas: { byUnitType: { nowhere: {} }, unitOverrides: {} },
    };
    const parsed = parseCampaignRules(broken);
    expect(parsed.ok).toBe(false);
    const fields = parsed.findings.map((f) => f.field);
    expect(fields).toContain('level');
    expect(fields).toContain('');
    expect(parsed.findings.every((f) => f.code === 'RULES_SHAPE_INVALID')).toBe(true);
    expect(parseCampaignRules(null).ok).toBe(false);
    expect(parseCampaignRules('rules').ok).toBe(false);
  });

  it('refuses NaN and Infinity, which JSON cannot carry anyway', () => {
    const rules = getTemplate('jilin-2023')!;
    rules.announcement.workingDays = Number.NaN;
    expect(parseCampaignRules(rules).ok).toBe(false);
  });

  it('reads rules stored without contacts as having none', () => {
    const { contacts: _, ...rules } = getTemplate('jilin-2023')!;
    const parsed = parseCampaignRules(rules);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.rules.contacts).toEqual([]);
  });

  it('passes the shape but reports business errors', () => {
    const rules = getTemplate('jilin-2023')!;
    rules.deadline.date = null;
    const parsed = parseCampaignRules(rules);
    expect(parsed.ok).toBe(true);
    expect(parsed.findings.map((f) => f.code)).toEqual(['DEADLINE_MISSING']);
  });
});
