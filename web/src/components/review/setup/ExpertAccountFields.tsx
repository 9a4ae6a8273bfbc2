/**
 * Who is invited: an account that already has the expert role (searched by name or username), or a new
 * account created with the invitation (its one-time password is shown once afterwards).
 */
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { type ExpertCandidate, REVIEW_KEY, searchCandidates } from '#web/api/review-setup.ts';

export function ExpertAccountFields({
  campaignId,
  onPicked,
}: {
  campaignId: string;
  onPicked: (candidate: ExpertCandidate | undefined) => void;
}) {
  const [q, setQ] = useState('');
  const mode = Form.useWatch('mode');
  const candidates = useQuery({
    queryKey: [...REVIEW_KEY, campaignId, 'candidates', q],
    queryFn: () => searchCandidates(campaignId, q),
    enabled: mode === 'existing',
    placeholderData: (previous) => previous,
  });
  const items = candidates.data ?? [];
  return (
    <>
      <Form.Item name="mode" label="专家账号">
        <Radio.Group
          options={[
            { value: 'existing', label: '选择已有的专家账号' },
            { value: 'new', label: '新建专家账号' },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item
          name="accountId"
          label="专家"
          rules={[{ required: true, message: '请选择专家账号' }]}
          extra="按姓名或用户名查找具有“评审专家”角色的账号；已在专家库中的不能重复邀请。"
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={candidates.isFetching}
            placeholder="输入姓名或用户名查找"
            notFoundContent={candidates.isFetching ? '正在查找…' : '没有找到，可改为新建专家账号'}
            onChange={(id: string) => onPicked(items.find((c) => c.accountId === id))}
            options={items.map((c) => ({
              value: c.accountId,
              disabled: c.inPool,
              label: `${c.name}（${c.username}，${c.organisationName}）${c.inPool ? ' 已在专家库' : ''}`,
            }))}
          />
        </Form.Item>
      ) : (
        <Space wrap align="start" size={[12, 0]}>
          <Form.Item
            name="displayName"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: '请填写专家姓名' }]}
          >
            <Input maxLength={50} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: '请填写登录用的用户名' }]}
          >
            <Input maxLength={64} style={{ width: 180 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label="手机号（选填）">
            <Input maxLength={30} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="email"
            label="电子邮箱（选填）"
            rules={[{ type: 'email', message: '邮箱格式不正确' }]}
          >
            <Input maxLength={100} style={{ width: 220 }} />
          </Form.Item>
        </Space>
      )}
    </>
  );
}
