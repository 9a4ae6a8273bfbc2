/**
 * Recording (or correcting) a publicity activity: kind, form, date, place, host, audience, a short report
 * and, when recording, its photos. Core's own check runs before sending, so the unit sees the same
 * Chinese messages the server would give; photos are uploaded one by one after the activity is saved,
 * and a photo the server refuses is named with its reason while the activity stays recorded.
 */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  AutoComplete,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ACTIVITY_FORM_SUGGESTIONS, ACTIVITY_KINDS } from '#core/activities/kinds.ts';
import { ACTIVITY_PHOTO_MAX_BYTES, ACTIVITY_PHOTOS_MAX } from '#core/activities/photo.ts';
import { ACTIVITY_LIMITS, checkActivity } from '#core/activities/validate.ts';
import {
  type Activity,
  type ActivityBody,
  recordActivity,
  updateActivity,
  uploadActivityPhoto,
} from '#web/api/activities.ts';
import { errorMessage, useShowError } from '#web/lib/useShowError.ts';

interface Values {
  kind: string;
  form: string;
  occurredOn: Dayjs | null;
  place: string;
  host: string;
  audience: number | null;
  report: string;
}

const MB = ACTIVITY_PHOTO_MAX_BYTES / 1024 / 1024;

export function ActivityForm({
  nominationId,
  record,
  onDone,
}: {
  nominationId: string;
  record: Activity | null;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);

  const bodyOf = (v: Values): ActivityBody => ({
    kind: v.kind ?? '',
    form: v.form ?? '',
    occurredOn: v.occurredOn ? v.occurredOn.format('YYYY-MM-DD') : '',
    place: v.place ?? '',
    host: v.host ?? '',
    audience: v.audience ?? Number.NaN,
    report: v.report ?? '',
  });

  const save = useMutation({
    mutationFn: async (body: ActivityBody) => {
      const saved = record
        ? await updateActivity(record.id, { ...body, version: record.version })
        : await recordActivity(nominationId, body);
      const refused: string[] = [];
      for (const p of photos) {
        try {
          await uploadActivityPhoto(saved.id, p.originFileObj as File);
        } catch (caught) {
          refused.push(`“${p.name}”：${errorMessage(caught)}`);
        }
      }
      return refused;
    },
    onSuccess: (refused) => {
      if (refused.length > 0) message.error(`宣传活动已保存，但以下照片未能上传。${refused.join('')}`, 8);
      else message.success('宣传活动已保存');
      onDone();
    },
    onError: showError,
  });

  const submit = (v: Values) => {
    const body = bodyOf(v);
    const { findings } = checkActivity(body, new Date());
    if (findings.length > 0) {
      form.setFields(findings.map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      return;
    }
    save.mutate(body);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{
        kind: record?.kind ?? 'community',
        form: record?.form ?? '',
        occurredOn: record ? dayjs(record.occurredOn) : null,
        place: record?.place ?? '',
        host: record?.host ?? '',
        audience: record?.audience ?? null,
        report: record?.report ?? '',
      }}
      onFinish={submit}
    >
      <Form.Item name="kind" label="活动类别" rules={[{ required: true, message: '请选择活动类别' }]}>
        <Select
          options={Object.entries(ACTIVITY_KINDS).map(([value, label]) => ({ value, label }))}
          style={{ maxWidth: 240 }}
        />
      </Form.Item>
      <Form.Item
        name="form"
        label="活动形式"
        rules={[{ required: true, whitespace: true, message: '请填写活动形式' }]}
      >
        <AutoComplete
          options={ACTIVITY_FORM_SUGGESTIONS.map((value) => ({ value }))}
          placeholder="如：报告会、阅读分享会、讲座、线上直播"
          maxLength={ACTIVITY_LIMITS.form}
        />
      </Form.Item>
      <Form.Item name="occurredOn" label="活动日期" rules={[{ required: true, message: '请选择活动日期' }]}>
        <DatePicker format="YYYY年M月D日" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="place"
        label="活动地点"
        rules={[{ required: true, whitespace: true, message: '请填写活动地点' }]}
      >
        <Input maxLength={ACTIVITY_LIMITS.place} placeholder="如：某街道社区学校" />
      </Form.Item>
      <Form.Item
        name="host"
        label="主办单位"
        rules={[{ required: true, whitespace: true, message: '请填写主办单位' }]}
      >
        <Input maxLength={ACTIVITY_LIMITS.host} />
      </Form.Item>
      <Form.Item
        name="audience"
        label="参与人数（人次）"
        rules={[{ required: true, message: '请填写参与人数，线上活动填写观看人次' }]}
      >
        <InputNumber min={0} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="report"
        label="活动简报"
        rules={[{ required: true, whitespace: true, message: '请填写活动简报' }]}
      >
        <Input.TextArea rows={4} maxLength={ACTIVITY_LIMITS.report} showCount />
      </Form.Item>
      {record ? null : (
        <Form.Item
          label="活动照片"
          extra={`JPEG 或 PNG，每张不超过 ${MB} MB，最多 ${ACTIVITY_PHOTOS_MAX} 张；公开网站只展示缩小后的照片。`}
        >
          <Upload
            multiple
            accept="image/jpeg,image/png"
            listType="picture"
            fileList={photos}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList.slice(0, ACTIVITY_PHOTOS_MAX))}
          >
            <Button icon={<UploadOutlined />}>选择照片</Button>
          </Upload>
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        活动日期不能晚于今天起一年。
      </Typography.Paragraph>
    </Form>
  );
}
