/** New expert accounts an import created, with their one-time passwords: shown once, to download or copy. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Typography } from 'antd';
import { saveBlob } from '#web/api/imports.ts';
import type { ImportedAccount } from '#web/api/review-setup.ts';
import { toCsv } from '#web/lib/csv.ts';

export function ImportedPasswords({ accounts }: { accounts: ImportedAccount[] }) {
  if (accounts.length === 0) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={`新建专家账号 ${accounts.length} 个。初始密码只在此显示一次，请下载或复制后妥善转交本人，对方首次登录须修改密码。`}
      />
      <Button
        icon={<DownloadOutlined />}
        onClick={() =>
          saveBlob(
            toCsv(
              ['用户名', '姓名', '初始密码'],
              accounts.map((a) => [a.username, a.displayName, a.initialPassword]),
            ),
            '新建专家账号初始密码.csv',
          )
        }
      >
        下载账号与初始密码
      </Button>
      <Table<ImportedAccount>
        size="small"
        rowKey="username"
        dataSource={accounts}
        pagination={accounts.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 420 }}
        columns={[
          { key: 'username', title: '用户名', dataIndex: 'username' },
          { key: 'displayName', title: '姓名', dataIndex: 'displayName' },
          {
            key: 'initialPassword',
            title: '初始密码',
            dataIndex: 'initialPassword',
            render: (password: string) => (
              <Typography.Text code copyable={{ tooltips: ['复制', '已复制'] }}>
                {password}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
