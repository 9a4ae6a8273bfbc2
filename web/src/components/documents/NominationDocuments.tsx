/**
 * 推介表文书 on a nomination's page: the form as Word (DOCX) and as PDF, and the print view. A server
 * without LibreOffice refuses the PDF with its own explanation; that is shown in place, with the way
 * that always works (打印, then "save as PDF" in the browser's print dialog).
 */
import { FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '#web/api/client.ts';
import { downloadDocument, formDocxUrl, formPdfUrl, nominationPrintPath } from '#web/api/documents.ts';
import type { Nomination } from '#web/api/nominations.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { errorMessage } from '#web/lib/useShowError.ts';

export function NominationDocuments({ nomination }: { nomination: Pick<Nomination, 'id' | 'title'> }) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const name = nomination.title || '推介表';
  const docx = useMutation({
    mutationFn: () => downloadDocument(formDocxUrl(nomination.id), `推介表-${name}.docx`),
  });
  const pdf = useMutation({
    mutationFn: () => downloadDocument(formPdfUrl(nomination.id), `推介表-${name}.pdf`),
  });
  const noLibreOffice = pdf.error instanceof ApiError && pdf.error.code === 'PDF_UNAVAILABLE';
  const failure = docx.error ?? (noLibreOffice ? null : pdf.error);

  return (
    <Card size="small" styles={{ body: { padding: '8px 12px' } }}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={[8, 8]} align="center">
          <Typography.Text strong>推介表</Typography.Text>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            onClick={() => navigate(nominationPrintPath(nomination.id))}
          >
            打印
          </Button>
          <Button
            size="small"
            icon={<FileWordOutlined />}
            loading={docx.isPending}
            onClick={() => docx.mutate()}
          >
            下载 Word
          </Button>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            loading={pdf.isPending}
            onClick={() => pdf.mutate()}
          >
            下载 PDF
          </Button>
          {!isMobile && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              按通知附件版式生成（A4）；已提交的打印提交时的内容，注明内容校验码。
            </Typography.Text>
          )}
        </Space>
        {noLibreOffice && (
          <Alert
            type="info"
            showIcon
            closable={{ onClose: () => pdf.reset() }}
            title={(pdf.error as ApiError).message}
            description="也可以点击「打印」，在弹出的打印窗口中选择“另存为 PDF”，得到同样版式的 PDF。"
          />
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => (docx.error ? docx.reset() : pdf.reset()) }}
            title={errorMessage(failure)}
          />
        )}
      </Space>
    </Card>
  );
}
