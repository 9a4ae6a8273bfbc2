/** 基本信息: title, organisers, document number, issue date and the deadline (Beijing time). */
import { Alert, Checkbox, DatePicker, Input, Select, Space, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '#core/campaign/index.ts';
import { RuleItem, statusAt, useRules } from './rulesContext.tsx';

export function BasicSection() {
  const { rules, edit, readOnly, findings } = useRules();
  const status = (field: string) => statusAt(findings, field);
  const { deadline } = rules;

  const text = (value: string | null) =>
    value ? (
      <Typography.Text>{value}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">未填写</Typography.Text>
    );

  return (
    <>
      <RuleItem label="活动名称" field="title">
        {readOnly ? (
          text(rules.title)
        ) : (
          <Input.TextArea
            aria-label="活动名称"
            autoSize
            value={rules.title}
            status={status('title')}
            maxLength={200}
            onChange={(e) => edit((r) => (r.title = e.target.value))}
          />
        )}
      </RuleItem>
      <RuleItem label="组织单位" field="organisers">
        {readOnly ? (
          text(rules.organisers.join('、'))
        ) : (
          <Select
            mode="tags"
            aria-label="组织单位"
            value={rules.organisers}
            open={false}
            suffixIcon={null}
            placeholder="输入单位名称后回车"
            onChange={(names: string[]) => edit((r) => (r.organisers = names))}
          />
        )}
      </RuleItem>
      <RuleItem
        label="公布单位"
        field="publishers"
        extra={readOnly ? undefined : '印发通知公布结果时署名的单位'}
      >
        {readOnly ? (
          text(rules.publishers.join('、'))
        ) : (
          <Select
            mode="tags"
            aria-label="公布单位"
            value={rules.publishers}
            open={false}
            suffixIcon={null}
            placeholder="输入单位名称后回车"
            onChange={(names: string[]) => edit((r) => (r.publishers = names))}
          />
        )}
      </RuleItem>
      <Space wrap size={[24, 0]} align="start">
        <RuleItem label="文号" field="documentNumber">
          {readOnly ? (
            text(rules.documentNumber)
          ) : (
            <Input
              aria-label="文号"
              value={rules.documentNumber ?? ''}
              placeholder="如 中成协〔2024〕023号"
              style={{ width: 240 }}
              onChange={(e) =>
                edit((r) => (r.documentNumber = e.target.value.trim() ? e.target.value : null))
              }
            />
          )}
        </RuleItem>
        <RuleItem label="发文日期" field="issuedOn">
          {readOnly ? (
            text(rules.issuedOn && formatDate(rules.issuedOn))
          ) : (
            <DatePicker
              aria-label="发文日期"
              value={rules.issuedOn ? dayjs(rules.issuedOn) : null}
              status={status('issuedOn')}
              format="YYYY年M月D日"
              onChange={(d) => edit((r) => (r.issuedOn = d ? d.format('YYYY-MM-DD') : null))}
            />
          )}
        </RuleItem>
      </Space>
      <RuleItem label="材料报送截止（北京时间）" field="deadline">
        {readOnly ? (
          <Typography.Text strong>
            {deadline.date ? `${formatDate(deadline.date)} ${deadline.time}` : '未设置'}
          </Typography.Text>
        ) : (
          <Space wrap>
            <DatePicker
              aria-label="材料报送截止日期（北京时间）"
              value={deadline.date ? dayjs(deadline.date) : null}
              status={status('deadline.date')}
              format="YYYY年M月D日"
              placeholder="截止日期"
              onChange={(d) => edit((r) => (r.deadline.date = d ? d.format('YYYY-MM-DD') : null))}
            />
            <TimePicker
              aria-label="材料报送截止时间（北京时间）"
              value={/^\d\d:\d\d$/.test(deadline.time) ? dayjs(`2000-01-01T${deadline.time}`) : null}
              format="HH:mm"
              minuteStep={5}
              needConfirm={false}
              status={status('deadline.time')}
              placeholder="时间"
              onChange={(t) => edit((r) => (r.deadline.time = t ? t.format('HH:mm') : ''))}
            />
            <Checkbox
              checked={deadline.timeFromNotice}
              onChange={(e) => edit((r) => (r.deadline.timeFromNotice = e.target.checked))}
            >
              时间为通知原文所写
            </Checkbox>
          </Space>
        )}
      </RuleItem>
      {!deadline.timeFromNotice && deadline.date && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`通知原文只写了截止日期，${deadline.time} 是平台的理解，请以组织单位的说明为准。`}
        />
      )}
    </>
  );
}
