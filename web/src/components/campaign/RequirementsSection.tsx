/** 报送要求: forms and paper copies, the 公示 settings, and the project eligibility thresholds. */
import { Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { Num, RangeInput, RuleItem, useRules } from './rulesContext.tsx';

export function FormsSection() {
  const { rules, edit } = useRules();
  return (
    <div>
      {rules.forms.map((form, i) => (
        <RuleItem
          key={form.id}
          field={`forms.${i}`}
          label={
            <span>
              {form.attachment !== null && <Tag>附件{form.attachment}</Tag>}
              {form.title}
            </span>
          }
        >
          <Space size={6}>
            <Typography.Text type="secondary">纸质材料一式</Typography.Text>
            <Num
              label={`${form.title}纸质材料份数`}
              value={form.paperCopies}
              suffix="份"
              onChange={(n) => edit((r) => (r.forms[i]!.paperCopies = n))}
            />
          </Space>
        </RuleItem>
      ))}
    </div>
  );
}

export function AnnouncementSection() {
  const { rules, edit, readOnly } = useRules();
  const { announcement } = rules;
  const startLabel = {
    counts_if_working_day: '发布当天为工作日时计入',
    never_counts: '发布当天不计入，从次日起算',
  } as const;
  return (
    <Space wrap size={[32, 0]} align="start" style={{ width: '100%' }}>
      <RuleItem label="公示期" field="announcement.workingDays">
        <Num
          label="公示期工作日数"
          value={announcement.workingDays}
          min={1}
          suffix="个工作日"
          width={130}
          onChange={(n) => edit((r) => (r.announcement.workingDays = n))}
        />
      </RuleItem>
      <RuleItem label="发布当天" field="announcement.startDay">
        {readOnly ? (
          <Typography.Text>{startLabel[announcement.startDay]}</Typography.Text>
        ) : (
          <Select
            aria-label="发布当天是否计入公示期"
            value={announcement.startDay}
            style={{ width: 240 }}
            options={Object.entries(startLabel).map(([value, label]) => ({ value, label }))}
            onChange={(v: typeof announcement.startDay) => edit((r) => (r.announcement.startDay = v))}
          />
        )}
      </RuleItem>
      <RuleItem label="公示网站或地点" field="announcement.venue">
        {readOnly ? (
          <Typography.Text>{announcement.venue || '未填写'}</Typography.Text>
        ) : (
          <Input
            aria-label="公示网站或地点"
            value={announcement.venue}
            style={{ width: 260, maxWidth: '100%' }}
            onChange={(e) => edit((r) => (r.announcement.venue = e.target.value))}
          />
        )}
      </RuleItem>
    </Space>
  );
}

export function EligibilitySection() {
  const { rules, edit, readOnly } = useRules();
  const { star, project } = rules.eligibility;
  const field = 'eligibility.project';
  const registration =
    project.registration.scope === 'china'
      ? '在中国境内依法登记注册'
      : `在${project.registration.provinceName}（区划代码 ${project.registration.provinceCode}）依法登记注册`;
  return (
    <>
      <Typography.Title level={5}>终身学习品牌项目</Typography.Title>
      <RuleItem label="实施主体" field={`${field}.registration`}>
        <Typography.Text>{registration}</Typography.Text>
      </RuleItem>
      <Space wrap size={[32, 0]} align="start">
        <RuleItem label="项目运行至少" field={`${field}.minYearsRunning`} extra="截至报送截止日">
          <Num
            label="项目运行至少年数"
            value={project.minYearsRunning}
            suffix="年"
            onChange={(n) => edit((r) => (r.eligibility.project.minYearsRunning = n))}
          />
        </RuleItem>
        <RuleItem label="年参与人次（线下）不少于" field={`${field}.minParticipationsOffline`}>
          <Num
            label="年参与人次（线下）不少于"
            value={project.minParticipationsOffline}
            width={120}
            suffix="人次"
            onChange={(n) => edit((r) => (r.eligibility.project.minParticipationsOffline = n))}
          />
        </RuleItem>
        <RuleItem
          label="或（线上）不少于"
          field={`${field}.minParticipationsOnline`}
          extra="线下、线上满足其一即可"
        >
          <Num
            label="年参与人次（线上）不少于"
            value={project.minParticipationsOnline}
            width={120}
            suffix="人次"
            onChange={(n) => edit((r) => (r.eligibility.project.minParticipationsOnline = n))}
          />
        </RuleItem>
      </Space>
      <Space wrap size={[32, 0]} align="start">
        <RuleItem label="工作总结字数" field={`${field}.workSummaryChars`} extra="超出范围只提示，不拒收">
          <Space size={6} wrap>
            <Typography.Text type="secondary">约</Typography.Text>
            <Num
              label="工作总结约定字数"
              value={project.workSummaryChars.target}
              width={96}
              onChange={(n) => edit((r) => (r.eligibility.project.workSummaryChars.target = n))}
            />
            <Typography.Text type="secondary">字，允许</Typography.Text>
            <RangeInput
              label="工作总结允许字数"
              value={project.workSummaryChars}
              field={`${field}.workSummaryChars`}
              unit="字"
              min={1}
              onChange={({ min, max }) =>
                edit((r) => {
                  r.eligibility.project.workSummaryChars.min = min;
                  r.eligibility.project.workSummaryChars.max = max;
                })
              }
            />
          </Space>
        </RuleItem>
        <RuleItem
          label="信用查询有效期"
          field={`${field}.creditCheckMaxAgeDays`}
          extra="查询日期早于提交之日超过该天数的会被提示"
        >
          <Num
            label="信用查询有效天数"
            value={project.creditCheckMaxAgeDays}
            min={1}
            suffix="天"
            width={100}
            onChange={(n) => edit((r) => (r.eligibility.project.creditCheckMaxAgeDays = n))}
          />
        </RuleItem>
      </Space>
      <RuleItem label="推介条件（由报送单位逐条确认）" field={`${field}.conditions`}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {project.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
      </RuleItem>

      <Typography.Title level={5}>百姓学习之星</Typography.Title>
      <RuleItem label="重点面向群体" field="eligibility.star.focusGroups">
        <Space size={[4, 4]} wrap>
          {star.focusGroups.map((g) => (
            <Tag key={g}>{g}</Tag>
          ))}
        </Space>
      </RuleItem>
      <RuleItem label="县处级及以上领导干部" field="eligibility.star.warnOfficialRank">
        {readOnly ? (
          <Typography.Text>
            {star.warnOfficialRank ? '一般不推介（提示，可说明理由）' : '不做提示'}
          </Typography.Text>
        ) : (
          <Switch
            aria-label="县处级及以上领导干部一般不推介的提示"
            checked={star.warnOfficialRank}
            checkedChildren="提示"
            unCheckedChildren="不提示"
            onChange={(on) => edit((r) => (r.eligibility.star.warnOfficialRank = on))}
          />
        )}
      </RuleItem>
      <RuleItem label="推介条件（由报送单位逐条确认）" field="eligibility.star.conditions">
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {star.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
      </RuleItem>
    </>
  );
}
