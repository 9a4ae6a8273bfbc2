/**
 * 申报的关系: relations the expert declares (近亲属; 任职, 担任顾问, 持股 in a unit, with dates; 其他). Each
 * shows only the fields its kind needs; the conflict check compares them with every nomination.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { RELATION_KIND_LABELS, type RelationKind } from './labels.ts';

const KIND_OPTIONS = (Object.keys(RELATION_KIND_LABELS) as RelationKind[]).map((value) => ({
  value,
  label: RELATION_KIND_LABELS[value],
}));
const DATE_RULE = {
  pattern: /^\d{4}(-\d{2}(-\d{2})?)?$/,
  message: '日期请写成 2021、2021-09 或 2021-09-01',
};

function RelationItem({ name, kind }: { name: number; kind: RelationKind | undefined }) {
  const unitKind = kind === 'employment' || kind === 'advisory' || kind === 'stake';
  return (
    <Space wrap align="start" size={[8, 0]}>
      {(kind === 'close_relative' || kind === 'other') && (
        <>
          <Form.Item
            name={[name, 'personName']}
            label="姓名"
            rules={kind === 'close_relative' ? [{ required: true, message: '请填写近亲属姓名' }] : []}
          >
            <Input style={{ width: 140 }} maxLength={50} />
          </Form.Item>
          <Form.Item name={[name, 'personIdNumber']} label="身份证号（选填）">
            <Input style={{ width: 200 }} maxLength={18} />
          </Form.Item>
        </>
      )}
      {(unitKind || kind === 'other') && (
        <>
          <Form.Item
            name={[name, 'unitName']}
            label="单位名称"
            rules={unitKind ? [{ required: true, message: '请填写单位名称' }] : []}
          >
            <Input style={{ width: 240 }} maxLength={100} />
          </Form.Item>
          <Form.Item name={[name, 'unitCreditCode']} label="统一社会信用代码（选填）">
            <Input style={{ width: 210 }} maxLength={18} />
          </Form.Item>
        </>
      )}
      {unitKind && (
        <>
          <Form.Item name={[name, 'from']} label="起始" rules={[DATE_RULE]}>
            <Input style={{ width: 120 }} placeholder="如 2021-09" />
          </Form.Item>
          <Form.Item name={[name, 'until']} label="截止（空为至今）" rules={[DATE_RULE]}>
            <Input style={{ width: 140 }} placeholder="至今" />
          </Form.Item>
        </>
      )}
      {(kind === 'other' || kind === 'close_relative') && (
        <Form.Item
          name={[name, 'note']}
          label={kind === 'other' ? '关系说明' : '说明（选填）'}
          rules={kind === 'other' ? [{ required: true, whitespace: true, message: '请说明关系' }] : []}
        >
          <Input
            style={{ width: 260 }}
            maxLength={200}
            placeholder={kind === 'close_relative' ? '如 配偶' : ''}
          />
        </Form.Item>
      )}
    </Space>
  );
}

export function RelationsFields() {
  return (
    <Form.List name="relations">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            近亲属，近三年在某单位任职、担任顾问或持有股份，以及其他可能影响公正评审的关系。
          </Typography.Text>
          {fields.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              title={
                <Form.Item name={[name, 'kind']} noStyle rules={[{ required: true }]}>
                  <Select options={KIND_OPTIONS} style={{ width: 200 }} aria-label="关系类型" />
                </Form.Item>
              }
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除此关系"
                  onClick={() => remove(name)}
                />
              }
            >
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => (
                  <RelationItem name={name} kind={getFieldValue(['relations', name, 'kind'])} />
                )}
              </Form.Item>
            </Card>
          ))}
          {fields.length < 50 && (
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'employment' })}>
              添加关系
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
