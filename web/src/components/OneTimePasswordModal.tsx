/**
 * Shows a one-time password once. The server keeps only its hash, so the modal says plainly that it
 * cannot be shown again and offers a copy button (antd's copyable also works over plain http).
 */
import { Alert, Descriptions, Modal, Typography } from 'antd';

export interface OneTimePassword {
  title: string;
  username: string;
  displayName: string;
  password: string;
}

export function OneTimePasswordModal({
  value,
  onClose,
}: {
  value: OneTimePassword | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={value !== null}
      title={value?.title}
      onCancel={onClose}
      onOk={onClose}
      okText="我已记下"
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            title="初始密码只显示这一次，请复制后通过安全渠道告知本人。对方首次登录时须修改密码。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'u', label: '用户名', children: value.username },
              { key: 'n', label: '姓名', children: value.displayName },
              {
                key: 'p',
                label: '初始密码',
                children: (
                  <Typography.Text
                    code
                    copyable={{ text: value.password, tooltips: ['复制', '已复制'] }}
                    style={{ fontSize: 16 }}
                  >
                    {value.password}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
