/**
 * The built-in campaign templates. An organiser starts a campaign from one of them (or from last
 * year's campaign via copyRulesForYear) and edits the copy; the templates themselves never change.
 */
import type { CampaignLevel, CampaignRules } from '../rules.ts';
import { jilin2023 } from './jilin-2023.ts';
import { national2024 } from './national-2024.ts';

export interface TemplateInfo {
  id: string;
  title: string;
  year: number;
  level: CampaignLevel;
  organisers: string[];
}

const TEMPLATES: Record<string, CampaignRules> = {
  'national-2024': national2024,
  'jilin-2023': jilin2023,
};

export function listTemplates(): TemplateInfo[] {
  return Object.entries(TEMPLATES).map(([id, rules]) => ({
    id,
    title: rules.title,
    year: rules.year,
    level: rules.level,
    organisers: [...rules.organisers],
  }));
}

/** A deep copy, so that editing a campaign can never change the built-in template. */
export function getTemplate(id: string): CampaignRules | undefined {
  const rules = Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id] : undefined;
  return rules ? structuredClone(rules) : undefined;
}
