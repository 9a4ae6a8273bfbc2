/** The draft's words: title, opening paragraph, the objection contact, the issuer. */
import { Button, Form, Input } from 'antd';
import type { AnnouncementView, ObjectionContact } from '#web/api/announcements.ts';

export interface AnnouncementText {
  title: string;
  intro: string;
  issuer: string;
  objectionContact: ObjectionContact;
}

export function AnnouncementTextForm({
  announcement,
  saving,
  onSave,
}: {
  announcement: AnnouncementView;
  saving: boolean;
  onSave: (text: AnnouncementText) => void;
}) {
  const [form] = Form.useForm<AnnouncementText>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        title: announcement.title,
        intro: announcement.intro,
        issuer: announcement.issuer,
        objectionContact: announcement.objectionContact,
      }}
      onFinish={onSave}
      style={{ maxWidth: 720 }}
    >
      <Form.Item name="title" label="公示标题" rules={[{ required: true, message: '请填写公示标题' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="intro" label="公示说明">
        <Input.TextArea autoSize={{ minRows: 4 }} maxLength={3000} />
      </Form.Item>
      <Form.Item name={['objectionContact', 'receiver']} label="异议受理单位">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={['objectionContact', 'address']} label="通讯地址">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name={['objectionContact', 'postcode']} label="邮政编码">
        <Input maxLength={10} inputMode="numeric" />
      </Form.Item>
      <Form.Item name={['objectionContact', 'phone']} label="联系电话">
        <Input maxLength={100} inputMode="tel" />
      </Form.Item>
      <Form.Item name={['objectionContact', 'email']} label="电子邮箱">
        <Input maxLength={100} inputMode="email" />
      </Form.Item>
      <Form.Item name={['objectionContact', 'deadlineWording']} label="受理时间说明">
        <Input maxLength={200} placeholder="如：公示期内（工作日）" />
      </Form.Item>
      <Form.Item name="issuer" label="发布单位" rules={[{ required: true, message: '请填写发布单位' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存
      </Button>
    </Form>
  );
}
