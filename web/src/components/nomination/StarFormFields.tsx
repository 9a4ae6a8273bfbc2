/**
 * 百姓学习之星推介表 as on paper (attachment 1 of the notice): 基本信息, 主要事迹, 推荐单位意见 and
 * 承诺事项. Fields, labels and limits come from core (STAR_LABELS / STAR_LIMITS); the conditions, focus
 * groups and nationality from the campaign's rules. 性别 and 出生日期 are read from the 身份证号, never typed.
 */
import { Checkbox } from 'antd';
import dayjs from 'dayjs';
import { todayInShanghai } from '#core/calendar/today.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { deriveStarIdentity, STAR_LABELS, STAR_LIMITS } from '#core/nomination/forms/star-form.ts';
import { Attestations } from './Attestations.tsx';
import { DerivedField, YesNo } from './FormFields.tsx';
import { Pair, Section } from './FormLayout.tsx';
import { FieldItem, readPath, TextField, useFormEditing } from './formContext.tsx';

const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派成员', '无党派人士', '群众'];
const EDUCATION_LEVELS = [
  '博士研究生',
  '硕士研究生',
  '大学本科',
  '大学专科',
  '中专',
  '高中',
  '初中',
  '小学',
  '其他',
];

export function StarFormFields({ rules }: { rules: CampaignRules }) {
  const { form, set, readOnly } = useFormEditing();
  const L = STAR_LIMITS;
  const label = (path: string) => STAR_LABELS[path] ?? path;
  const identity = deriveStarIdentity(
    { idNumber: readPath(form, 'idNumber') as string | undefined },
    todayInShanghai(new Date()),
  );
  const birth = identity.birthDate ? dayjs(identity.birthDate).format('YYYY年M月D日') : '';
  const groups = (readPath(form, 'focusGroups') as string[] | undefined) ?? [];
  // A group ticked earlier but since dropped from the rules stays listed, so it can still be unticked.
  const groupOptions = [...new Set([...rules.eligibility.star.focusGroups, ...groups])];
  return (
    <>
      <Section title="一、基本信息" id="sec-basic">
        <Pair>
          <TextField label={label('name')} path="name" max={L.name} required />
          <TextField
            label={label('idNumber')}
            path="idNumber"
            max={L.idNumber}
            required
            extra="18 位居民身份证号；性别和出生日期由身份证号自动识别。"
          />
        </Pair>
        <Pair>
          <DerivedField
            label="性别"
            path="_sex"
            value={identity.sexLabel ?? ''}
            placeholder="填写身份证号后显示"
          />
          <DerivedField label="出生日期" path="_birthDate" value={birth} placeholder="填写身份证号后显示" />
        </Pair>
        <Pair>
          <TextField
            label={label('ethnicity')}
            path="ethnicity"
            max={L.ethnicity}
            required
            placeholder="如：汉族"
          />
          <TextField
            label={label('nationality')}
            path="nationality"
            max={L.nationality}
            required
            placeholder={`如：${rules.eligibility.star.nationality}`}
          />
        </Pair>
        <Pair>
          <TextField
            label={label('politicalStatus')}
            path="politicalStatus"
            max={L.politicalStatus}
            required
            options={POLITICAL_STATUSES}
          />
          <TextField
            label={label('education')}
            path="education"
            max={L.education}
            required
            options={EDUCATION_LEVELS}
          />
        </Pair>
        <Pair>
          <TextField
            label={label('workUnit')}
            path="workUnit"
            max={L.workUnit}
            required
            extra="退休人员、农民等可填写“退休”或所在村（社区）。"
          />
          <TextField label={label('post')} path="post" max={L.post} />
        </Pair>
        <Pair>
          <TextField
            label={label('phone')}
            path="phone"
            max={L.phone}
            required
            inputMode="tel"
            extra="手机号或带区号的固定电话。"
          />
          <TextField label={label('address')} path="address" max={L.address} required />
        </Pair>
        {rules.eligibility.star.warnOfficialRank && (
          <YesNo path="isCountyLevelOfficialOrAbove" label={label('isCountyLevelOfficialOrAbove')} />
        )}
        <FieldItem
          label={label('focusGroups')}
          path="focusGroups"
          extra="推介重点面向以上群体；可多选，也可不选。"
        >
          {readOnly ? (
            <span>{groups.length > 0 ? groups.join('、') : '未选择'}</span>
          ) : (
            <Checkbox.Group
              value={groups}
              options={groupOptions.map((g) => ({ value: g, label: g }))}
              onChange={(next) => set('focusGroups', next)}
            />
          )}
        </FieldItem>
      </Section>
      <Section title="二、主要事迹" id="sec-story">
        <TextField
          label={label('story')}
          path="story"
          max={L.story}
          required
          multiline
          rows={10}
          extra="坚持学习、学有所成、带动他人学习的具体事例；可分段。"
        />
        <TextField
          label={label('awards')}
          path="awards"
          max={L.awards}
          multiline
          rows={3}
          extra="没有可填“无”。"
        />
      </Section>
      <Section title="三、推荐单位意见" id="sec-opinion">
        <TextField
          label={label('unitOpinion')}
          path="unitOpinion"
          max={L.unitOpinion}
          required
          multiline
          rows={3}
        />
      </Section>
      <Section title="四、承诺事项" id="sec-attest">
        <Attestations
          conditions={rules.eligibility.star.conditions}
          confirmations={[{ path: 'attestations.noMisconduct', label: label('attestations.noMisconduct') }]}
        />
      </Section>
    </>
  );
}
