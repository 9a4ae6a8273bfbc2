/** The campaign model: rules, built-in templates, quotas and the organiser's editing helpers. */
export { copyRulesForYear } from './copy.ts';
export { deadlineInstant, isPastDeadline } from './deadline.ts';
export { diffRules, type RuleChange } from './diff.ts';
export { formatDate, formatRange } from './format.ts';
export * from './organiser-scope.ts';
export { effectiveQuota, type QuotaCounts, quotaFindings } from './quotas.ts';
export * from './rules.ts';
export { campaignRulesSchema, type ParsedCampaignRules, parseCampaignRules } from './rules-schema.ts';
export { getTemplate, listTemplates, type TemplateInfo } from './templates/index.ts';
export * from './unit-types.ts';
export { validateCampaignRules } from './validate.ts';
