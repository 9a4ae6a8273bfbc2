/**
 * 新建 / 编辑评审轮次: name and kind, the dates (closing time in Beijing time), reviews per nomination, the
 * fields hidden from experts (盲评), whether experts see others' scores after their own, and who reviews.
 */
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  TimePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { beijingIsoDate, formatBeijingClock } from '#core/calendar/beijing-time.ts';
import { BLIND_FIELDS, type BlindField, ROUND_KINDS, type RoundKind } from '#core/review/round-states.ts';
import {
  createRound,
  type ReviewRound,
  type ReviewSetup,
  type RoundInput,
  updateRound,
} from '#web/api/review-setup.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

interface Values {
  name: string;
  kind: RoundKind;
  opensOn: Dayjs | null;
  closesOn: Dayjs | null;
  closesTime: Dayjs | null;
  reviewsPerNomination: number;
  blindFields: BlindField[];
  showOthersAfterSubmit: boolean;
  expertIds: string[];
}

const BLIND_OPTIONS = (Object.keys(BLIND_FIELDS) as BlindField[]).map((value) => ({
  value,
  label: BLIND_FIELDS[value],
}));
const KIND_OPTIONS = (Object.keys(ROUND_KINDS) as RoundKind[]).map((value) => ({
  value,
  label: ROUND_KINDS[value],
}));

function initial(round: ReviewRound | null, setup: ReviewSetup): Values {
  if (!round)
    return {
      name: setup.rounds.length === 0 ? '初评' : '会评',
      kind: setup.rounds.length === 0 ? 'online' : 'meeting',
      opensOn: null,
      closesOn: null,
      closesTime: dayjs('2000-01-01T17:00'),
      reviewsPerNomination: setup.settings.reviewsPerNomination,
      blindFields: [],
      showOthersAfterSubmit: false,
      expertIds: [],
    };
  return {
    name: round.name,
    kind: round.kind,
    opensOn: round.opensOn ? dayjs(round.opensOn) : null,
    closesOn: dayjs(beijingIsoDate(round.closesAt)),
    closesTime: dayjs(`2000-01-01T${formatBeijingClock(round.closesAt).slice(0, 5)}`),
    reviewsPerNomination: round.reviewsPerNomination,
    blindFields: round.blindFields,
    showOthersAfterSubmit: round.showOthersAfterSubmit,
    expertIds: round.expertIds,
  };
}

function bodyOf(values: Values): RoundInput {
  return {
    name: values.name.trim(),
    kind: values.kind,
    opensOn: values.opensOn ? values.opensOn.format('YYYY-MM-DD') : null,
    // The server reads 'YYYY-MM-DD HH:mm' as Beijing time, whatever the browser's zone.
    closesAt: `${values.closesOn?.format('YYYY-MM-DD')} ${values.closesTime?.format('HH:mm') ?? '17:00'}`,
    reviewsPerNomination: values.reviewsPerNomination,
    blindFields: values.blindFields,
    showOthersAfterSubmit: values.showOthersAfterSubmit,
    expertIds: values.expertIds,
  };
}

export function RoundFormModal({
  campaignId,
  setup,
  round,
  open,
  onClose,
  onSaved,
}: {
  campaignId: string;
  setup: ReviewSetup;
  round: ReviewRound | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: async () => {
      const body = bodyOf(await form.validateFields());
      return round ? updateRound(campaignId, round, body) : createRound(campaignId, body);
    },
    onSuccess: (saved) => {
      message.success(round ? `「${saved.name}」已保存` : `已新建评审轮次「${saved.name}」`);
      onSaved();
    },
  });
  const refusal = save.error && !('errorFields' in (save.error as object)) ? save.error : null;
  return (
    <Modal
      open={open}
      title={round ? `编辑评审轮次：${round.name}` : '新建评审轮次'}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial(round, setup)} preserve={false}>
        <Space wrap align="start" size={[16, 0]}>
          <Form.Item
            name="name"
            label="轮次名称"
            rules={[{ required: true, whitespace: true, message: '请填写轮次名称，如 初评' }]}
          >
            <Input maxLength={40} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind" label="评审方式">
            <Radio.Group options={KIND_OPTIONS} />
          </Form.Item>
        </Space>
        <Space wrap align="start" size={[16, 0]}>
          <Form.Item name="opensOn" label="开始日期（选填）">
            <DatePicker format="YYYY年M月D日" />
          </Form.Item>
          <Form.Item label="截止时间（北京时间）" required>
            <Space>
              <Form.Item name="closesOn" noStyle rules={[{ required: true, message: '请填写评审截止日期' }]}>
                <DatePicker format="YYYY年M月D日" placeholder="截止日期" />
              </Form.Item>
              <Form.Item name="closesTime" noStyle rules={[{ required: true, message: '请填写截止时刻' }]}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder="时间" />
              </Form.Item>
            </Space>
          </Form.Item>
        </Space>
        <Form.Item
          name="reviewsPerNomination"
          label="每项推介的评审专家数"
          rules={[{ required: true, message: '请填写每项推介由几位专家评审' }]}
        >
          <InputNumber min={1} max={30} precision={0} addonAfter="位" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="blindFields" label="对专家隐藏（盲评）">
          <Checkbox.Group options={BLIND_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="showOthersAfterSubmit"
          label="专家提交本人意见后可查看其他专家的评分"
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="expertIds" label="参加本轮的专家" extra="不选即专家库中全部专家参加。">
          <Select
            mode="multiple"
            allowClear
            placeholder="全部专家"
            showSearch={{ optionFilterProp: 'label' }}
            options={setup.experts.map((e) => ({ value: e.expertId, label: e.name }))}
          />
        </Form.Item>
      </Form>
      <RefusalAlert error={refusal} />
    </Modal>
  );
}
