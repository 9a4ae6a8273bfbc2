/**
 * Recording (or correcting) a 公示 the unit posted: where, the link, from and to, which nominations, the
 * notice as a PDF or screenshot, and whether to show it on the public site. The count of working days and
 * what is wrong with the period are shown while the unit types, by the same rule the server applies.
 */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Radio,
  Space,
  Switch,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PUBLICITY_FILE_MAX_BYTES } from '#core/publicity/file.ts';
import type { NominationSummary } from '#web/api/nominations.ts';
import {
  type PublicityInput,
  recordUnitPublicity,
  type UnitPublicity,
  type UnitPublicityListResponse,
  updateUnitPublicity,
  uploadPublicityFile,
} from '#web/api/publicity.ts';
import { displayTitle } from '#web/lib/nominationDisplay.ts';
import { errorMessage, useShowError } from '#web/lib/useShowError.ts';
import { CoverageView } from './CoverageView.tsx';
import { liveCoverage } from './livePublicityCoverage.ts';

interface Values {
  place: string;
  url: string;
  from: Dayjs | null;
  to: Dayjs | null;
  scope: 'all' | 'some';
  nominationIds: string[];
  published: boolean;
}

const MB = PUBLICITY_FILE_MAX_BYTES / 1024 / 1024;
const iso = (day: Dayjs | null | undefined) => (day ? day.format('YYYY-MM-DD') : '');

export function PublicityForm({
  campaignId,
  record,
  facts,
  nominations,
  onDone,
}: {
  campaignId: string;
  record: UnitPublicity | null;
  facts: UnitPublicityListResponse['facts'];
  nominations: NominationSummary[];
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [removeFile, setRemoveFile] = useState(false);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const choosable = nominations.filter((n) => n.state !== 'withdrawn');

  const input = (v: Values): PublicityInput => ({
    place: v.place ?? '',
    url: v.url?.trim() ? v.url.trim() : null,
    fromDay: iso(v.from),
    toDay: iso(v.to),
    nominationIds: v.scope === 'all' ? null : (v.nominationIds ?? []),
    published: Boolean(v.published),
  });

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const saved = record
        ? await updateUnitPublicity(record.id, { ...input(v), version: record.version, removeFile })
        : await recordUnitPublicity(campaignId, input(v));
      if (!file) return { saved, fileError: null };
      try {
        return { saved: await uploadPublicityFile(saved.id, saved.version, file), fileError: null };
      } catch (caught) {
        return { saved, fileError: errorMessage(caught) };
      }
    },
    onSuccess: ({ fileError }) => {
      if (fileError) message.error(`公示情况已保存，但文件未能上传：${fileError}`);
      else message.success('公示情况已保存');
      onDone();
    },
    onError: showError,
  });

  const hasFile = Boolean(file) || (Boolean(record?.file) && !removeFile);
  const coverage =
    values?.from && values.to
      ? liveCoverage(
          {
            place: values.place ?? '',
            url: values.url ?? '',
            fromDay: iso(values.from),
            toDay: iso(values.to),
            nominationIds: values.scope === 'some' ? (values.nominationIds ?? []) : null,
            hasFile,
          },
          facts,
          nominations,
        )
      : null;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{
        place: record?.place ?? '',
        url: record?.url ?? '',
        from: record ? dayjs(record.fromDay) : null,
        to: record ? dayjs(record.toDay) : null,
        scope: record?.nominationIds ? 'some' : 'all',
        nominationIds: record?.nominationIds ?? [],
        published: record?.published ?? false,
      }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item
        name="place"
        label="公示地点"
        rules={[{ required: true, whitespace: true, message: '请填写公示地点，例如本单位官网或单位公告栏' }]}
      >
        <Input maxLength={200} placeholder="如：本单位官网“通知公告”栏目、单位公告栏" />
      </Form.Item>
      <Form.Item name="url" label="公示网页链接（网上公示时填写）">
        <Input maxLength={1000} inputMode="url" placeholder="https://" autoComplete="off" />
      </Form.Item>
      <Space wrap size={[16, 0]}>
        <Form.Item
          name="from"
          label="公示开始日期"
          rules={[{ required: true, message: '请选择公示开始日期' }]}
        >
          <DatePicker format="YYYY年M月D日" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="to" label="公示结束日期" rules={[{ required: true, message: '请选择公示结束日期' }]}>
          <DatePicker format="YYYY年M月D日" style={{ width: 180 }} />
        </Form.Item>
      </Space>
      {coverage && (
        <div
          role="status"
          aria-live="polite"
          style={{ marginBottom: 16, padding: '8px 12px', background: '#fafafa', borderRadius: 6 }}
        >
          <CoverageView coverage={coverage} />
        </div>
      )}
      <Form.Item name="scope" label="公示的推介">
        <Radio.Group
          options={[
            { value: 'all', label: '本单位全部推介' },
            { value: 'some', label: '部分推介' },
          ]}
        />
      </Form.Item>
      {values?.scope === 'some' && (
        <Form.Item
          name="nominationIds"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一条推介' }]}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {choosable.map((n) => (
              <Checkbox key={n.id} value={n.id}>
                {displayTitle(n)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      )}
      <Form.Item label="公示截图或 PDF（选填）">
        <Space orientation="vertical" size={4}>
          {record?.file && !file && (
            <Checkbox checked={removeFile} onChange={(e) => setRemoveFile(e.target.checked)}>
              删除已上传的「{record.file.fileName}」
            </Checkbox>
          )}
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={(chosen) => {
              if (chosen.size > PUBLICITY_FILE_MAX_BYTES) {
                message.error(`文件超过 ${MB} MB，请压缩图片或分页另存后再上传`);
                return Upload.LIST_IGNORE;
              }
              setFile(chosen);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{file ? `已选择：${file.name}` : '选择文件'}</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            PDF、JPG 或 PNG，不超过 {MB} MB，保存时一并上传。
          </Typography.Text>
        </Space>
      </Form.Item>
      <Form.Item name="published" label="在平台公开网站上展示本单位的公示" valuePropName="checked">
        <Switch checkedChildren="展示" unCheckedChildren="不展示" />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
