/**
 * What a unit posts, from the campaign's rules: each 推介表 and 推介登记表 of the categories it
 * nominated in, 一式N份 and stamped (national 2024: 2, Jilin 2023: 3), a disc or USB stick with the
 * electronic material where the notice asks for one, to the postal address of the notice.
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';

export interface PaperRequirement {
  /** Stamped copies of each form (一式N份). */
  copies: number;
  forms: { title: string; copies: number }[];
  /** 电子材料请刻制光盘或用U盘等形式一并邮寄 */
  disc: boolean;
  address: string | null;
}

/** `categories`: those the unit nominated in; none: every category's forms (what a unit would post). */
export function paperRequirement(rules: CampaignRules, categories: readonly Category[]): PaperRequirement {
  const wanted = categories.length > 0 ? new Set(categories) : undefined;
  const forms = rules.forms
    .filter((f) => !wanted || wanted.has(f.category))
    .map((f) => ({ title: f.title, copies: f.paperCopies }));
  return {
    copies: Math.max(0, ...forms.map((f) => f.copies)),
    forms,
    disc: rules.submission.electronicCopyByMail,
    address: rules.submission.paperAddress,
  };
}
