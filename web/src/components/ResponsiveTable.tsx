/**
 * A table on wide screens and a list of cards on phones, from the same column definitions: a 375 px
 * screen cannot show eight columns, and sideways scrolling hides the buttons users came for.
 */
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Pagination,
  Space,
  Spin,
  Table,
  type TableColumnType,
  type TablePaginationConfig,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { DESCRIPTION_TEXT } from '#web/theme.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';

export interface ResponsiveColumn<T> extends TableColumnType<T> {
  key: string;
  title: string;
  /** On cards: 'title' is the card's heading, 'actions' its footer, 'hidden' leaves it out. */
  cardRole?: 'title' | 'actions' | 'hidden';
}

interface Props<T> {
  rowKey: keyof T & string;
  columns: ResponsiveColumn<T>[];
  dataSource: T[];
  loading?: boolean;
  pagination: TablePaginationConfig | false;
  expandedRowRender?: (record: T) => ReactNode;
  /** Table width below which it scrolls sideways (tablets between the card and the full layout). */
  scrollX?: number;
  emptyText?: string;
  /** Rows the user ticks for an action on several at once (批量通过); only `selectable` rows can be ticked. */
  selection?: Selection<T>;
}

export interface Selection<T> {
  selectedKeys: string[];
  onChange: (keys: string[]) => void;
  selectable: (record: T) => boolean;
  /** Read aloud for the tick box of a row, e.g. 选择“张三”. */
  label: (record: T) => string;
}

function cell<T>(column: ResponsiveColumn<T>, record: T, index: number): ReactNode {
  const dataIndex = column.dataIndex as keyof T | undefined;
  const value = dataIndex !== undefined ? record[dataIndex] : undefined;
  if (column.render) return column.render(value, record, index) as ReactNode;
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

function MobileCard<T>({
  record,
  index,
  columns,
  expandedRowRender,
  selection,
  rowKey,
}: { record: T; index: number } & Pick<Props<T>, 'columns' | 'expandedRowRender' | 'selection' | 'rowKey'>) {
  const [open, setOpen] = useState(false);
  const titleColumn = columns.find((c) => c.cardRole === 'title');
  const actionsColumn = columns.find((c) => c.cardRole === 'actions');
  const fields = columns.filter((c) => !c.cardRole);
  const key = String(record[rowKey]);
  const tick =
    selection?.selectable(record) === true ? (
      <Checkbox
        aria-label={selection.label(record)}
        checked={selection.selectedKeys.includes(key)}
        onChange={(e) =>
          selection.onChange(
            e.target.checked
              ? [...selection.selectedKeys, key]
              : selection.selectedKeys.filter((k) => k !== key),
          )
        }
        style={{ marginInlineEnd: 8 }}
      />
    ) : null;
  const title = titleColumn ? cell(titleColumn, record, index) : undefined;
  return (
    <Card
      size="small"
      title={
        tick ? (
          <span style={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
            {tick}
            <span style={{ minWidth: 0 }}>{title}</span>
          </span>
        ) : (
          title
        )
      }
    >
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: 0 }}>
        {fields.map((column) => (
          <div key={column.key} style={{ display: 'contents' }}>
            <dt style={{ color: DESCRIPTION_TEXT, whiteSpace: 'nowrap' }}>{column.title}</dt>
            <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
              {cell(column, record, index)}
            </dd>
          </div>
        ))}
      </dl>
      {(actionsColumn || expandedRowRender) && (
        <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
          {actionsColumn && cell(actionsColumn, record, index)}
          {expandedRowRender && (
            <Button type="link" size="small" onClick={() => setOpen(!open)}>
              {open ? '收起详情' : '查看详情'}
            </Button>
          )}
        </div>
      )}
      {open && expandedRowRender && <div style={{ marginTop: 8 }}>{expandedRowRender(record)}</div>}
    </Card>
  );
}

export function ResponsiveTable<T extends object>(props: Props<T>) {
  const isMobile = useIsMobile();
  const {
    rowKey,
    columns,
    dataSource,
    loading,
    pagination,
    expandedRowRender,
    scrollX,
    emptyText,
    selection,
  } = props;

  if (!isMobile) {
    return (
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={dataSource}
        loading={loading}
        pagination={pagination}
        expandable={expandedRowRender ? { expandedRowRender } : undefined}
        scroll={scrollX ? { x: scrollX } : undefined}
        locale={emptyText ? { emptyText } : undefined}
        rowSelection={
          selection
            ? {
                selectedRowKeys: selection.selectedKeys,
                onChange: (keys) => selection.onChange(keys.map(String)),
                getCheckboxProps: (record) => ({
                  disabled: !selection.selectable(record),
                  'aria-label': selection.label(record),
                }),
              }
            : undefined
        }
      />
    );
  }

  return (
    <Spin spinning={Boolean(loading)}>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        {dataSource.length === 0 && !loading && <Empty description={emptyText ?? '暂无数据'} />}
        {dataSource.map((record, index) => (
          <MobileCard
            key={String(record[rowKey])}
            record={record}
            index={index}
            columns={columns}
            expandedRowRender={expandedRowRender}
            selection={selection}
            rowKey={rowKey}
          />
        ))}
        {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 10) && (
          <Pagination
            simple
            align="center"
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            onChange={pagination.onChange}
          />
        )}
      </Space>
    </Spin>
  );
}
