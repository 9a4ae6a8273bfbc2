/**
 * Correcting one record of the list: the server checks it as it checks an imported row (年度, 级别,
 * 身份证号 and so on) and keeps the change in the audit log. The 身份证号 is shown masked, so it is
 * replaced only when a new one is typed, and removed only when asked.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { CAMPAIGN_LEVEL_LABELS } from '#core/campaign/rules.ts';
import { correctWinner, type PreviousWinner, WINNERS_KEY } from '#web/api/winners.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { winnerYears } from '#web/lib/winnerYears.ts';

interface Values {
  year: number;
  level: string;
  category: string;
  name: string;
  provinceOrUnit?: string;
  workUnit?: string;
  idNumber?: string;
  removeIdNumber?: boolean;
  creditCode?: string;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function WinnerEditDialog({
  winner,
  onClose,
}: {
  winner: PreviousWinner | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const category = Form.useWatch('category', form);
  const removeIdNumber = Form.useWatch('removeIdNumber', form);

  useEffect(() => {
    if (!winner) return;
    form.resetFields();
    form.setFieldsValue({
      year: winner.year,
      level: winner.level,
      category: winner.category,
      name: winner.name,
      provinceOrUnit: winner.provinceOrUnit ?? '',
      workUnit: winner.workUnit ?? '',
      creditCode: winner.creditCode ?? '',
    });
  }, [winner, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      correctWinner(winner!.id, {
        year: values.year,
        level: values.level,
        category: values.category,
        name: values.name.trim(),
        provinceOrUnit: blankToNull(values.provinceOrUnit),
        workUnit: blankToNull(values.workUnit),
        idNumber:
          values.category !== 'star' || values.removeIdNumber
            ? ''
            : (blankToNull(values.idNumber) ?? undefined),
        creditCode: values.category === 'project' ? blankToNull(values.creditCode) : null,
        version: winner!.version,
      }),
    onSuccess: () => {
      message.success('已保存');
      void queryClient.invalidateQueries({ queryKey: WINNERS_KEY });
      onClose();
    },
    onError: showError,
  });

  return (
    <Modal
      open={winner !== null}
      title="修改往届入选记录"
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px' }}>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请选择年度' }]}>
            <Select
              style={{ width: 120 }}
              options={winnerYears().map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Form.Item>
          <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}>
            <Select
              style={{ width: 110 }}
              options={Object.entries(CAMPAIGN_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="类别" name="category" rules={[{ required: true, message: '请选择类别' }]}>
            <Select
              style={{ width: 180 }}
              options={[
                { value: 'star', label: '百姓学习之星' },
                { value: 'project', label: '终身学习品牌项目' },
              ]}
            />
          </Form.Item>
        </div>
        <Form.Item
          label={category === 'project' ? '项目名称' : '姓名'}
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写姓名或项目名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="省份或单位" name="provinceOrUnit">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={category === 'project' ? '实施主体' : '工作单位'} name="workUnit">
          <Input maxLength={200} />
        </Form.Item>
        {category === 'star' && (
          <>
            <Form.Item
              label="身份证号"
              name="idNumber"
              extra={
                winner?.idNumber ? `当前：${winner.idNumber}。不修改请留空。` : '选填，填写后用于精确查重。'
              }
            >
              <Input maxLength={30} autoComplete="off" disabled={removeIdNumber} />
            </Form.Item>
            {winner?.idNumber && (
              <Form.Item name="removeIdNumber" valuePropName="checked" style={{ marginTop: -12 }}>
                <Checkbox>删除已登记的身份证号</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {category === 'project' && (
          <Form.Item label="统一社会信用代码" name="creditCode" extra="选填，填写后用于精确查重。">
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
