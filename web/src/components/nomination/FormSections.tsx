/**
 * The two 推介表 as on paper (attachments 1 and 3 of the notices): 基本信息, the nominee's or the
 * programme's substance, 推荐单位意见 and the unit's 承诺事项. Fields, labels and limits come from core
 * (STAR_LABELS / STAR_LIMITS, PROJECT_LABELS / PROJECT_LIMITS); the attestation texts and focus groups
 * from the campaign's rules. 性别 and 出生日期 are read from the 身份证号, never typed.
 */
import { BorderOutlined, CheckSquareFilled } from '@ant-design/icons';
import { Card, Checkbox, Col, DatePicker, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { CampaignRules } from '../../../../src/core/campaign/rules.ts';
import {
  ENTITY_TYPES,
  PROJECT_LABELS,
  PROJECT_LIMITS,
} from '../../../../src/core/nomination/forms/project-form.ts';
import {
  deriveStarIdentity,
  STAR_LABELS,
  STAR_LIMITS,
} from '../../../../src/core/nomination/forms/star-form.ts';
import { FieldItem, findingsAt, readPath, statusOf, TextField, useFormEditing } from './formContext.tsx';

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

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} id={id} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** Two columns on wide screens, one on phones. */
function Pair({ children }: { children: ReactNode[] }) {
  return (
    <Row gutter={16}>
      {children.map((child, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed layout slots
        <Col key={i} xs={24} md={12}>
          {child}
        </Col>
      ))}
    </Row>
  );
}

function YesNo({ path, label }: { path: string; label: string }) {
  const { form, set, readOnly } = useFormEditing();
  const value = readPath(form, path);
  return (
    <FieldItem label={label} path={path}>
      {readOnly ? (
        <span>{value === true ? '是' : value === false ? '否' : '未填写'}</span>
      ) : (
        <Radio.Group
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => set(path, e.target.value)}
          options={[
            { value: false, label: '否' },
            { value: true, label: '是' },
          ]}
        />
      )}
    </FieldItem>
  );
}

/** One checkbox per condition of the notice (条件1–N), then the form's own confirmations. */
function Attestations({
  conditions,
  confirmations,
}: {
  conditions: string[];
  confirmations: { path: string; label: string }[];
}) {
  const { form, set, findings, readOnly } = useFormEditing();
  const attested = readPath(form, 'attestations.conditions');
  const list = Array.isArray(attested) ? attested : [];
  const box = (path: string, checked: boolean, text: ReactNode) => {
    const here = findingsAt(findings, path);
    const status = statusOf(here);
    return (
      <div
        key={path}
        style={{
          padding: '8px 10px',
          marginBottom: 8,
          border: `1px solid ${status === 'error' ? '#ffccc7' : status === 'warning' ? '#ffe58f' : '#f0f0f0'}`,
          borderRadius: 6,
          background: checked ? '#f6ffed' : undefined,
        }}
      >
        <FieldItem label={null} path={path}>
          {readOnly ? (
            <span>
              {checked ? (
                <CheckSquareFilled style={{ color: '#52c41a', marginInlineEnd: 6 }} />
              ) : (
                <BorderOutlined style={{ color: '#bfbfbf', marginInlineEnd: 6 }} />
              )}
              {text}
              {!checked && <Typography.Text type="secondary">（未确认）</Typography.Text>}
            </span>
          ) : (
            <Checkbox
              checked={checked}
              onChange={(e) => set(path, e.target.checked)}
              style={{ alignItems: 'flex-start' }}
            >
              {text}
            </Checkbox>
          )}
        </FieldItem>
      </div>
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        以下条件由推介单位逐条核实后确认（对应通知中的推介条件）。
      </Typography.Paragraph>
      {conditions.map((condition, i) =>
        box(
          `attestations.conditions.${i}`,
          list[i] === true,
          /^条件\s*\d/.test(condition) ? (
            condition
          ) : (
            <span>
              <Typography.Text strong>条件{i + 1}：</Typography.Text>
              {condition}
            </span>
          ),
        ),
      )}
      {confirmations.map((c) => box(c.path, readPath(form, c.path) === true, c.label))}
    </>
  );
}

export function StarFormFields({ rules }: { rules: CampaignRules }) {
  const { form, set, readOnly } = useFormEditing();
  const L = STAR_LIMITS;
  const label = (path: string) => STAR_LABELS[path] ?? path;
  const identity = deriveStarIdentity({ idNumber: readPath(form, 'idNumber') as string | undefined });
  const birth = identity.birthDate ? dayjs(identity.birthDate).format('YYYY年M月D日') : '';
  const groups = (readPath(form, 'focusGroups') as string[] | undefined) ?? [];
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
          <FieldItem label={readOnly ? '性别' : '性别（自动识别）'} path="_sex">
            {readOnly ? (
              <span>{identity.sexLabel ?? '—'}</span>
            ) : (
              <Input
                value={identity.sexLabel ?? ''}
                placeholder="填写身份证号后显示"
                readOnly
                variant="filled"
              />
            )}
          </FieldItem>
          <FieldItem label={readOnly ? '出生日期' : '出生日期（自动识别）'} path="_birthDate">
            {readOnly ? (
              <span>{birth || '—'}</span>
            ) : (
              <Input value={birth} placeholder="填写身份证号后显示" readOnly variant="filled" />
            )}
          </FieldItem>
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

/** Counts arrive as numbers or as text such as 1.2万: plain digits are stored as a number. */
function CountField({ path, label }: { path: string; label: string }) {
  const { form, set, findings, readOnly } = useFormEditing();
  const raw = readPath(form, path);
  const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  return (
    <FieldItem label={label} path={path}>
      {readOnly ? (
        <span>{value ? `${value} 人次` : '未填写'}</span>
      ) : (
        <Input
          value={value}
          inputMode="numeric"
          suffix="人次"
          status={statusOf(findingsAt(findings, path))}
          placeholder="如：3200 或 1.2万"
          onChange={(e) => {
            const text = e.target.value;
            set(path, /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : text === '' ? null : text);
          }}
        />
      )}
    </FieldItem>
  );
}

function DateField({
  path,
  label,
  required,
  extra,
}: {
  path: string;
  label: string;
  required?: boolean;
  extra?: string;
}) {
  const { form, set, findings, readOnly } = useFormEditing();
  const raw = readPath(form, path);
  const value = typeof raw === 'string' ? raw : '';
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return (
    <FieldItem label={label} path={path} required={required} extra={extra}>
      {readOnly ? (
        <span>{value || '未填写'}</span>
      ) : (
        <DatePicker
          value={parsed?.isValid() ? parsed : null}
          status={statusOf(findingsAt(findings, path))}
          inputReadOnly
          style={{ width: '100%' }}
          onChange={(d) => set(path, d ? d.format('YYYY-MM-DD') : '')}
        />
      )}
    </FieldItem>
  );
}

export function ProjectFormFields({ rules }: { rules: CampaignRules }) {
  const { form, set, findings, readOnly } = useFormEditing();
  const L = PROJECT_LIMITS;
  const label = (path: string) => PROJECT_LABELS[path] ?? path;
  const project = rules.eligibility.project;
  const entityType = readPath(form, 'entityType');
  return (
    <>
      <Section title="一、基本信息" id="sec-basic">
        <TextField
          label={label('name')}
          path="name"
          max={L.name}
          required
          extra="具体的项目名称，不以单位或院校名称上报。"
        />
        <Pair>
          <TextField label={label('entityName')} path="entityName" max={L.entityName} required />
          <FieldItem label={label('entityType')} path="entityType">
            {readOnly ? (
              <span>{typeof entityType === 'string' ? entityType : '未选择'}</span>
            ) : (
              <Select
                value={typeof entityType === 'string' ? entityType : undefined}
                placeholder="请选择"
                allowClear
                status={statusOf(findingsAt(findings, 'entityType'))}
                options={ENTITY_TYPES.map((t) => ({ value: t, label: t }))}
                onChange={(next) => set('entityType', next ?? null)}
              />
            )}
          </FieldItem>
        </Pair>
        <Pair>
          <TextField
            label={label('creditCode')}
            path="creditCode"
            max={L.creditCode}
            required
            extra={
              project.registration.scope === 'province'
                ? `18 位代码；实施主体须在${project.registration.provinceName}依法注册或登记。`
                : '18 位代码。'
            }
          />
          <TextField
            label={label('startDate')}
            path="startDate"
            max={L.startDate}
            required
            placeholder="如：2019-09-01 或 2019-09"
            extra={`项目启动或创建时间应不少于${project.minYearsRunning}年（按截止日计算）。`}
          />
        </Pair>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 8 }}>
          年参与学习人次：线下不少于{project.minParticipationsOffline}人次或线上不少于
          {project.minParticipationsOnline}人次，至少填写一项。
        </Typography.Paragraph>
        <Pair>
          <CountField path="participationsOffline" label={label('participationsOffline')} />
          <CountField path="participationsOnline" label={label('participationsOnline')} />
        </Pair>
        <Pair>
          <TextField label={label('contactName')} path="contactName" max={L.contactName} required />
          <TextField
            label={label('contactPhone')}
            path="contactPhone"
            max={L.contactPhone}
            required
            inputMode="tel"
          />
        </Pair>
      </Section>
      <Section title="二、项目内容" id="sec-content">
        <TextField label={label('content')} path="content" max={L.content} required multiline rows={6} />
        <Typography.Text strong>{label('measures')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <TextField
            label={label('measures.site')}
            path="measures.site"
            max={L.measure}
            required
            multiline
            rows={2}
          />
          <TextField
            label={label('measures.funding')}
            path="measures.funding"
            max={L.measure}
            required
            multiline
            rows={2}
          />
          <TextField
            label={label('measures.team')}
            path="measures.team"
            max={L.measure}
            required
            multiline
            rows={2}
          />
        </div>
        <TextField label={label('results')} path="results" max={L.results} required multiline rows={6} />
      </Section>
      <Section title="三、工作总结" id="sec-summary">
        <TextField
          label="近年开展学习活动的工作总结"
          path="workSummary"
          max={L.workSummary}
          required
          multiline
          rows={12}
          extra={`${project.workSummaryChars.target}字左右（${project.workSummaryChars.min}至${project.workSummaryChars.max}字不提示）。`}
        />
      </Section>
      <Section title="四、推荐单位意见" id="sec-opinion">
        <TextField
          label={label('unitOpinion')}
          path="unitOpinion"
          max={L.unitOpinion}
          required
          multiline
          rows={3}
        />
      </Section>
      <Section title="五、承诺事项" id="sec-attest">
        <Attestations
          conditions={project.conditions}
          confirmations={[{ path: 'attestations.creditRecord', label: label('attestations.creditRecord') }]}
        />
        <DateField
          path="attestations.creditCheckedOn"
          label={label('attestations.creditCheckedOn')}
          required
          extra={`查询日期距截止日不宜超过${project.creditCheckMaxAgeDays}天。`}
        />
      </Section>
    </>
  );
}
