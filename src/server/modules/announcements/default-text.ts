/** The words a new 公示 starts with, from the campaign's rules; the organiser edits them before publishing. */

import type { CampaignRules } from '#core/campaign/rules.ts';
import type { ObjectionContact } from '#core/contract/announcements.ts';

export function defaultText(rules: CampaignRules) {
  const issuer = rules.organisers.join('、');
  const contact = rules.contacts.find((c) => rules.organisers.includes(c.organisation)) ?? rules.contacts[0];
  const objectionContact: ObjectionContact = {
    receiver: contact?.organisation ?? issuer,
    address: contact?.address ?? '',
    postcode: '',
    phone: contact?.phones.join('，') ?? '',
    email: contact?.emails.join('，') ?? '',
    deadlineWording: '公示期内（工作日）',
  };
  return {
    title: `关于${rules.year}年${rules.categories.star.label}和${rules.categories.project.label}拟推介名单的公示`,
    intro:
      `根据《${rules.title}》要求，经各地各单位推荐、专家评审，现将拟推介名单予以公示。` +
      '公示期间，任何单位或个人如有异议，可以书面形式向受理单位反映，并提供必要的证明材料。' +
      '单位提出异议的，须加盖公章并写明联系人和联系电话；个人提出异议的，须写明真实姓名、身份证号码、工作单位和联系电话。' +
      '匿名或逾期提出的异议不予受理。受理单位对异议人的信息予以保密。',
    issuer,
    objectionContact,
  };
}
