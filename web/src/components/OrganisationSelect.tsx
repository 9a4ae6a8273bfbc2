/** Picks one organisation of the caller's subtree, shown as a searchable tree. */
import { TreeSelect } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useOrganisations } from '../api/organisations.ts';
import { buildTree, type OrganisationNode } from '../lib/organisationTree.ts';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: OrganisationNode[], allowDisabled: boolean): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.disabled ? `${node.name}（已停用）` : node.name,
    disabled: node.disabled && !allowDisabled,
    children: node.children ? toOptions(node.children, allowDisabled) : undefined,
  }));
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Filters may pick a disabled organisation; new accounts may not be put in one. */
  allowDisabled?: boolean;
  style?: CSSProperties;
  /** Its name for screen readers where no form label names it (a filter row). */
  'aria-label'?: string;
}

export function OrganisationSelect({ allowDisabled = false, placeholder = '选择组织', ...rest }: Props) {
  const { data, isLoading } = useOrganisations({ quietForbidden: true });
  const treeData = useMemo(() => toOptions(buildTree(data ?? []), allowDisabled), [data, allowDisabled]);
  return (
    <TreeSelect
      {...rest}
      treeData={treeData}
      loading={isLoading}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      notFoundContent="没有可选的组织"
    />
  );
}
