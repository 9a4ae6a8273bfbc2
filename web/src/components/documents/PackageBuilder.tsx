/**
 * 材料包: 「生成材料包」 asks the server to build the ZIP in the background; the progress (files written
 * out of the total) is polled and shown until 「下载材料包」 appears. The download is a plain link, so
 * the browser's own download manager fetches it and can resume it after a broken connection (the
 * server answers range requests). The latest package of this unit (or of the whole campaign) is
 * shown on opening, from the server's list, so leaving the page never loses a package being built.
 */
import { CloudDownloadOutlined, FileZipOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PACKAGE_RETENTION_NOTICE } from '#core/documents/package-retention.ts';
import {
  createPackage,
  type ExportPackage,
  PACKAGE_STATE_LABELS,
  packageDownloadUrl,
  useLatestPackage,
  usePackage,
} from '#web/api/documents.ts';
import { formatDateTime } from '#web/format.ts';
import { errorMessage } from '#web/lib/useShowError.ts';

/** 1.5 MB, 820 KB: what an official needs to judge whether it fits a USB stick or a mail. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function PackageProgress({ pkg }: { pkg: ExportPackage }) {
  const percent = pkg.total > 0 ? Math.floor((pkg.done / pkg.total) * 100) : 0;
  const ready = pkg.state === 'ready';
  if (pkg.state === 'expired') {
    return (
      <Alert
        type="info"
        showIcon
        title={<Tag>已过期</Tag>}
        description={`该材料包${pkg.finishedAt ? `（生成于 ${formatDateTime(pkg.finishedAt)}）` : ''}已过期，文件已按规定删除。如需下载，请点击「重新生成材料包」。`}
      />
    );
  }
  return (
    <div aria-live="polite">
      <Progress
        percent={ready ? 100 : percent}
        status={pkg.state === 'failed' ? 'exception' : ready ? 'success' : 'active'}
        aria-label="材料包生成进度"
      />
      <Typography.Text type="secondary">
        {PACKAGE_STATE_LABELS[pkg.state]}
        {pkg.total > 0 && !ready && `：已写入 ${pkg.done} / ${pkg.total} 个文件`}
        {ready && pkg.bytes !== null && `：共 ${pkg.total} 个文件，${formatBytes(pkg.bytes)}`}
        {ready && pkg.finishedAt && `，生成于 ${formatDateTime(pkg.finishedAt)}；此后修改的内容请重新生成`}
        {ready && pkg.expiresAt && `。保留至 ${formatDateTime(pkg.expiresAt)}，之后文件自动删除`}
      </Typography.Text>
    </div>
  );
}

export function PackageBuilder({
  campaignId,
  unitId,
  description,
}: {
  campaignId: string;
  /** A reporting unit's package; the whole campaign's when absent (organisers). */
  unitId?: string;
  description: string;
}) {
  const latest = useLatestPackage(campaignId, unitId);
  const [requested, setRequested] = useState<string | null>(null);
  const packageId = requested ?? latest.data?.id ?? null;
  const polled = usePackage(packageId);
  const pkg = polled.data;
  const create = useMutation({
    mutationFn: () => createPackage(campaignId, unitId),
    onSuccess: (created) => setRequested(created.id),
  });
  const building = pkg?.state === 'queued' || pkg?.state === 'building';

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{description}</Typography.Text>
      <Typography.Text type="secondary">{PACKAGE_RETENTION_NOTICE}</Typography.Text>
      <Space wrap>
        <Button
          type={pkg?.state === 'ready' ? 'default' : 'primary'}
          icon={pkg && !building ? <ReloadOutlined /> : <FileZipOutlined />}
          loading={create.isPending || building}
          onClick={() => create.mutate()}
        >
          {building ? '正在生成材料包' : pkg ? '重新生成材料包' : '生成材料包'}
        </Button>
        {pkg?.state === 'ready' && (
          // A plain link: the browser's download manager takes over and can resume.
          <Button type="primary" icon={<CloudDownloadOutlined />} href={packageDownloadUrl(pkg)} download>
            下载材料包
          </Button>
        )}
      </Space>
      {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} />}
      {polled.error && (
        <Alert type="warning" showIcon title={`无法读取材料包进度：${errorMessage(polled.error)}`} />
      )}
      {pkg && <PackageProgress pkg={pkg} />}
      {pkg?.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          title="材料包生成失败"
          description={`${pkg.error ?? '原因不明'}。请点击「重新生成材料包」重试；如仍失败，请联系平台管理员。`}
        />
      )}
      {pkg?.state === 'ready' && pkg.sha256 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {pkg.fileName} 的 SHA-256：{pkg.sha256}（可与刻录或拷贝后的文件核对）
        </Typography.Text>
      )}
    </Space>
  );
}
