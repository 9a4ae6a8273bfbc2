/** The objector's identity, fetched only when asked; the button says beforehand that the view is logged. */
import { Alert, Button, Descriptions, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { type ObjectorIdentity, viewObjectorIdentity } from '#web/api/objections.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function IdentityButton({ id }: { id: string }) {
  const [shown, setShown] = useState<ObjectorIdentity | null>(null);
  const showError = useShowError();
  if (shown) {
    const i = shown.identity;
    return (
      <Alert
        type="warning"
        title={shown.notice}
        description={
          <Descriptions
            size="small"
            column={1}
            items={[
              ...(i.kind === 'person'
                ? [
                    { key: 'name', label: '姓名', children: i.name },
                    { key: 'id', label: '身份证号', children: i.idNumber },
                    { key: 'workplace', label: '工作单位', children: i.workplace },
                  ]
                : [
                    { key: 'unit', label: '单位名称', children: i.unitName },
                    { key: 'contact', label: '联系人', children: i.contactName },
                  ]),
              { key: 'phone', label: '联系电话', children: i.phone },
            ]}
          />
        }
        action={<Button onClick={() => setShown(null)}>隐藏</Button>}
      />
    );
  }
  return (
    <div>
      <Popconfirm
        title="查看异议人信息"
        description="异议人信息须严格保密。本次查看将被记录（查看人和时间）。"
        okText="查看"
        cancelText="取消"
        onConfirm={async () => {
          try {
            setShown(await viewObjectorIdentity(id));
          } catch (err) {
            showError(err);
          }
        }}
      >
        <Button>查看异议人信息</Button>
      </Popconfirm>{' '}
      <Typography.Text type="secondary">每次查看均记录在案</Typography.Text>
    </div>
  );
}
