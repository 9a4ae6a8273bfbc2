import { Alert, Table } from 'antd';
import type { ImportError } from '#core/nomination/index.ts';

/** Every problem the server found in the uploaded sheet, by row and column, so all can be fixed at once. */
export function ImportErrorsTable({ message, errors }: { message: string; errors: ImportError[] }) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={message || '导入文件有错误'}
        description={errors.length > 0 ? '文件中的数据均未导入。请按下表逐一修改后重新上传。' : undefined}
        style={{ marginBottom: 16 }}
      />
      {errors.length > 0 && (
        <Table<ImportError>
          size="small"
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={errors}
          pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 480 }}
          columns={[
            { key: 'row', title: '行号', dataIndex: 'row', width: 70 },
            { key: 'column', title: '列', dataIndex: 'column', width: 120 },
            { key: 'message', title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}
