/**
 * 终身学习品牌项目推介表 as on paper (attachment 3 of the notice): 基本信息, 项目内容, 推荐单位意见 and
 * 承诺事项. Fields, labels and limits come from core (PROJECT_LABELS / PROJECT_LIMITS); thresholds,
 * conditions and the registration scope from the campaign's rules. The 工作总结 is not on the paper form:
 * the notices ask for it once, as a document among the material; it may be written here instead and
 * turned into that document (`summaryAction`).
 */
import { Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { ENTITY_TYPES, PROJECT_LABELS, PROJECT_LIMITS } from '#core/nomination/forms/project-form.ts';
import { Attestations } from './Attestations.tsx';
import { CountField, DateField } from './FormFields.tsx';
import { Pair, Section } from './FormLayout.tsx';
import {
  FieldItem,
  findingsAt,
  inputDomId,
  readPath,
  statusOf,
  TextField,
  useFormEditing,
} from './formContext.tsx';

export function ProjectFormFields({
  rules,
  summaryAction,
}: {
  rules: CampaignRules;
  /** The button that makes the material's document from the text written here (editable only). */
  summaryAction?: ReactNode;
}) {
  const { form, set, findings, readOnly } = useFormEditing();
  const L = PROJECT_LIMITS;
  const label = (path: string) => PROJECT_LABELS[path] ?? path;
  const project = rules.eligibility.project;
  const entityType = readPath(form, 'entityType');
  const summary = readPath(form, 'workSummary');
  const summaryWritten = typeof summary === 'string' && summary.trim() !== '';
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
                id={inputDomId('entityType')}
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
          conditions={project.conditions}
          confirmations={[{ path: 'attestations.creditRecord', label: label('attestations.creditRecord') }]}
        />
        <DateField
          path="attestations.creditCheckedOn"
          label={label('attestations.creditCheckedOn')}
          required
          extra={`请在提交前查询；查询日期距提交之日不宜超过${project.creditCheckMaxAgeDays}天。`}
        />
      </Section>
      {(!readOnly || summaryWritten) && (
        <Section title="附：工作总结（可在此撰写，生成文档）" id="sec-summary">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            通知要求另交“近年开展学习活动的工作总结”（{project.workSummaryChars.target}
            字左右），在下方“材料”中上传 Word 或 PDF
            文档即可，此处不必再填。也可以在此撰写，写好后点击“生成工作总结文档”，平台会生成 Word
            文档放入材料。
          </Typography.Paragraph>
          <TextField
            label="近年开展学习活动的工作总结（可选）"
            path="workSummary"
            max={L.workSummary}
            multiline
            rows={12}
            extra={`${project.workSummaryChars.target}字左右（${project.workSummaryChars.min}至${project.workSummaryChars.max}字不提示）。`}
          />
          {!readOnly && summaryAction}
        </Section>
      )}
    </>
  );
}
