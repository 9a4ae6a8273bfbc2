/** After a successful import: counts, and the new accounts with their one-time passwords to hand out. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Table, Typography } from 'antd';
import type { ImportAccountsResponse as ImportResult } from '#core/contract/accounts.ts';
import { saveBlob } from '../api/imports.ts';

type ImportedAccount = ImportResult['accounts'][number];

import { toCsv } from '../lib/csv.ts';

function downloadPasswords(accounts: ImportedAccount[]): void {
  const blob = toCsv(
    ['用户名', '姓名', '所属组织', '初始密码'],
    accounts.map((a) => [a.username, a.displayName, a.organisationName, a.initialPassword]),
  );
  saveBlob(blob, '新建账号初始密码.csv');
}

export function ImportResultView({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  return (
    <>
      <Result
        status="success"
        title="导入成功"
        subTitle={`新建组织 ${result.organisationsCreated} 个，新建账号 ${result.accounts.length} 个。`}
        extra={[
          <Button
            key="download"
            type="primary"
            icon={<DownloadOutlined />}
            disabled={result.accounts.length === 0}
            onClick={() => downloadPasswords(result.accounts)}
          >
            下载账号与初始密码
          </Button>,
          <Button key="again" onClick={onAgain}>
            继续导入
          </Button>,
        ]}
      />
      {result.accounts.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title="初始密码只在此显示一次，离开本页后无法再次查看。请下载或复制后妥善转交本人，对方首次登录须修改密码。"
            style={{ marginBottom: 16 }}
          />
          <Table<ImportedAccount>
            size="small"
            rowKey="username"
            dataSource={result.accounts}
            pagination={result.accounts.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 560 }}
            columns={[
              { key: 'username', title: '用户名', dataIndex: 'username' },
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
              { key: 'displayName', title: '姓名', dataIndex: 'displayName' },
              { key: 'organisationName', title: '所属组织', dataIndex: 'organisationName' },
            ]}
          />
        </>
      )}
    </>
  );
}
