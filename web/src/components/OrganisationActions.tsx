/**
 * The buttons of one organisation row, limited to the row's `actions` from the server. On phones they
 * fold into one menu so the tree keeps its width for the names.
 */
import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import type { Organisation } from '#core/contract/organisations.ts';

interface Props {
  row: Organisation;
  compact: boolean;
  onCreateChild: (row: Organisation) => void;
  onEdit: (row: Organisation) => void;
  onToggle: (row: Organisation) => Promise<unknown>;
}

export function OrganisationActions({ row, compact, onCreateChild, onEdit, onToggle }: Props) {
  const { modal } = App.useApp();
  const has = (action: Organisation['actions'][number]) => row.actions.includes(action);

  const confirmDisable = () =>
    modal.confirm({
      title: `停用「${row.name}」？`,
      content: '停用后该组织的账号将无法登录，可随时重新启用。',
      okText: '停用',
      okButtonProps: { danger: true },
      // Errors are shown by the page's mutation; resolving keeps the dialog from hanging open.
      onOk: () => onToggle(row).catch(() => undefined),
    });

  const items = [
    has('createChild') && { key: 'child', label: '添加下级', onClick: () => onCreateChild(row) },
    has('update') && { key: 'edit', label: '编辑', onClick: () => onEdit(row) },
    has('disable') &&
      !row.disabled && { key: 'disable', label: '停用', danger: true, onClick: confirmDisable },
    has('enable') && row.disabled && { key: 'enable', label: '启用', onClick: () => void onToggle(row) },
  ].filter((item) => item !== false);

  if (items.length === 0) return null;

  if (compact) {
    return (
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button type="text" size="small" aria-label={`${row.name}的操作`} icon={<MoreOutlined />} />
      </Dropdown>
    );
  }

  return (
    <Space size={0} wrap>
      {items.map((item) => (
        <Button key={item.key} type="link" size="small" danger={item.danger} onClick={item.onClick}>
          {item.label}
        </Button>
      ))}
    </Space>
  );
}
