/**
 * 邀请专家 / 编辑专家: the account, the facts the conflict rules read (work unit, province, ID number), the
 * panels and loads, and the declared relations. 「检查回避」 runs the same check as the invitation, before it.
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Checkbox, Divider, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  type CheckResult,
  checkExpert,
  type ExpertCandidate,
  type InviteResult,
  inviteExpert,
  type PoolExpert,
  updateExpert,
} from '#web/api/review-setup.ts';
import { CheckboxGroupField } from '#web/components/CheckboxGroupField.tsx';
import { type OneTimePassword, OneTimePasswordModal } from '#web/components/OneTimePasswordModal.tsx';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { ConflictCheckResult } from './ConflictCheckResult.tsx';
import { ExpertAccountFields } from './ExpertAccountFields.tsx';
import { type ExpertFormValues, factsOf, initialValues, provinceOf } from './expertForm.ts';
import { PANEL_OPTIONS } from './labels.ts';
import { RefusalAlert } from './RefusalAlert.tsx';
import { RelationsFields } from './RelationsFields.tsx';

const CHECKED_FIELDS = [
  'accountId',
  'displayName',
  'panels',
  'chairOf',
  'minLoad',
  'maxLoad',
  'province',
  'relations',
];

export function ExpertFormModal({
  campaignId,
  expert,
  onClose,
  onSaved,
}: {
  campaignId: string;
  expert: PoolExpert | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<ExpertFormValues>();
  const [picked, setPicked] = useState<ExpertCandidate | undefined>();
  const [checked, setChecked] = useState<{ result: CheckResult; name: string } | null>(null);
  const [password, setPassword] = useState<OneTimePassword | null>(null);
  const editing = expert !== null;
  const resultRef = useRef<HTMLDivElement>(null);
  // The answer appears below a long form: bring it into view, or the button seems to do nothing.
  useEffect(() => {
    if (checked) resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [checked]);

  const nameOf = (values: ExpertFormValues) =>
    expert?.name ?? (values.mode === 'new' ? (values.displayName?.trim() ?? '') : (picked?.name ?? ''));

  const check = useMutation({
    mutationFn: async () => {
      // The check needs the facts and a name, not the new account's login details.
      await form.validateFields(CHECKED_FIELDS, { recursive: true });
      const values = form.getFieldsValue(true) as ExpertFormValues;
      const name = nameOf(values);
      const accountId = expert?.expertId ?? (values.mode === 'existing' ? values.accountId : undefined);
      const result = await checkExpert(campaignId, { ...factsOf(values, editing), name, accountId });
      return { result, name };
    },
    onSuccess: setChecked,
  });

  const save = useMutation({
    mutationFn: async (): Promise<InviteResult | null> => {
      const values = await form.validateFields();
      const facts = factsOf(values, editing);
      if (expert) {
        await updateExpert(campaignId, expert, facts);
        return null;
      }
      if (values.mode === 'existing')
        return inviteExpert(campaignId, { ...facts, accountId: values.accountId });
      return inviteExpert(campaignId, {
        ...facts,
        newAccount: {
          username: values.username?.trim() ?? '',
          displayName: values.displayName?.trim() ?? '',
          phone: values.phone?.trim() || null,
          email: values.email?.trim() || null,
        },
      });
    },
    onSuccess: (result) => {
      const values = form.getFieldsValue(true) as ExpertFormValues;
      message.success(editing ? '专家信息已保存，回避情况已重新计算' : `已邀请${nameOf(values)}加入专家库`);
      if (result?.initialPassword)
        setPassword({
          title: '专家账号已新建',
          username: result.account?.username ?? values.username ?? '',
          displayName: result.account?.displayName ?? values.displayName ?? '',
          password: result.initialPassword,
        });
      else onSaved();
    },
  });
  // A form that does not pass its own rules is marked at the fields; only the platform's refusals go up top.
  const refusal = [check.error, save.error].find((e) => e && !('errorFields' in (e as object)));

  return (
    <>
      <Modal
        open={password === null}
        title={editing ? `编辑专家：${expert.name}` : '邀请专家'}
        width={isMobile ? undefined : 860}
        onCancel={onClose}
        mask={{ closable: false }}
        footer={
          <Space wrap>
            <Button onClick={onClose}>取消</Button>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={check.isPending}
              onClick={() => check.mutate()}
            >
              检查回避
            </Button>
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
              {editing ? '保存' : '邀请'}
            </Button>
          </Space>
        }
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues(expert)}
          onValuesChange={() => setChecked(null)}
        >
          {!editing && <ExpertAccountFields campaignId={campaignId} onPicked={setPicked} />}
          <Divider titlePlacement="start" plain>
            评审分组与评审量
          </Divider>
          <Space wrap align="start" size={[24, 0]}>
            <Form.Item
              name="panels"
              label="评审组"
              rules={[{ required: true, message: '请至少选择一个评审组（百姓学习之星或终身学习品牌项目）' }]}
            >
              <CheckboxGroupField options={PANEL_OPTIONS} />
            </Form.Item>
            <Form.Item
              name="chairOf"
              label="担任组长"
              dependencies={['panels']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string[] = []) =>
                    value.every((c) => (getFieldValue('panels') ?? []).includes(c))
                      ? Promise.resolve()
                      : Promise.reject(new Error('只能担任所在评审组的组长')),
                }),
              ]}
            >
              <Checkbox.Group options={PANEL_OPTIONS} />
            </Form.Item>
            <Form.Item name="minLoad" label="最少评审（项）">
              <InputNumber min={0} max={2000} precision={0} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item
              name="maxLoad"
              label="最多评审（项，空为不限）"
              dependencies={['minLoad']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null | undefined) =>
                    value == null || value >= (getFieldValue('minLoad') ?? 0)
                      ? Promise.resolve()
                      : Promise.reject(new Error('最多评审数不能小于最少评审数')),
                }),
              ]}
            >
              <InputNumber min={1} max={2000} precision={0} style={{ width: 110 }} />
            </Form.Item>
          </Space>
          <Divider titlePlacement="start" plain>
            回避所依据的信息
          </Divider>
          <Space wrap align="start" size={[12, 0]}>
            <Form.Item name="employerName" label="工作单位">
              <Input maxLength={100} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="employerCreditCode" label="单位统一社会信用代码（选填）">
              <Input maxLength={18} style={{ width: 210 }} />
            </Form.Item>
            <Form.Item
              name="province"
              label="所在省份"
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    provinceOf(value) === undefined
                      ? Promise.reject(
                          new Error('未识别该省份，请填写省份名称（如 吉林省）或两位代码（如 22）'),
                        )
                      : Promise.resolve(),
                },
              ]}
            >
              <Input maxLength={20} style={{ width: 140 }} placeholder="如 吉林省" />
            </Form.Item>
            <Form.Item name="field" label="专业领域">
              <Input maxLength={100} style={{ width: 200 }} placeholder="如 社区教育" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label="身份证号（选填）"
              extra={
                editing && expert.idNumberMasked
                  ? `已登记 ${expert.idNumberMasked}。保存时请重新填写，留空将清除已登记的号码`
                  : undefined
              }
            >
              <Input maxLength={18} style={{ width: 210 }} autoComplete="off" />
            </Form.Item>
          </Space>
          <Divider titlePlacement="start" plain>
            申报的关系
          </Divider>
          <RelationsFields />
        </Form>
        <div ref={resultRef}>
          <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
            <RefusalAlert error={refusal} />
            {checked && <ConflictCheckResult result={checked.result} name={checked.name} />}
          </Space>
        </div>
      </Modal>
      <OneTimePasswordModal
        value={password}
        onClose={() => {
          setPassword(null);
          onSaved();
        }}
      />
    </>
  );
}
