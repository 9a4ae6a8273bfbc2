/**
 * One uploaded file: thumbnail or poster (a click opens the photo or plays the film in the page, with
 * range requests), its live status, the server's findings in Chinese, and the actions the server
 * offers: delete, convert a failed film, choose original or converted copy, and the organiser's 豁免.
 */
import {
  FileTextOutlined,
  PictureOutlined,
  PlayCircleOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Image, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { unwaivedErrors } from '#core/materials/slot-status.ts';
import type { MaterialKind } from '#core/materials/spec.ts';
import { chooseMaterial, convertMaterial, deleteMaterial, type Material } from '#web/api/materials.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { errorMessage, useShowError } from '#web/lib/useShowError.ts';
import { FindingLines } from './FindingLines.tsx';
import { formatMegabytes } from './specText.ts';

const STATUS_COLORS: Record<Material['status'], string> = {
  pending: 'processing',
  passed: 'success',
  failed: 'error',
  waived: 'warning',
};

const THUMB = { width: 96, height: 72 };
/** On a phone the findings need the width more than the picture does. */
const THUMB_MOBILE = { width: 64, height: 48 };

function Thumb({ material, kind, onPlay }: { material: Material; kind: MaterialKind; onPlay: () => void }) {
  const size = useIsMobile() ? THUMB_MOBILE : THUMB;
  const box = {
    ...size,
    flex: 'none',
    borderRadius: 4,
    background: '#f5f5f5',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    overflow: 'hidden',
    position: 'relative' as const,
  };
  if (kind === 'photo' && material.previewUrl) {
    return (
      <div style={box}>
        <Image
          src={material.previewUrl}
          alt={material.fileName}
          width={size.width}
          height={size.height}
          style={{ objectFit: 'cover' }}
          preview={{ src: material.contentUrl }}
        />
      </div>
    );
  }
  if (kind === 'video') {
    return (
      <button
        type="button"
        style={{ ...box, border: 0, padding: 0, cursor: 'pointer' }}
        onClick={onPlay}
        aria-label={`播放 ${material.fileName}`}
      >
        {material.previewUrl ? (
          <img src={material.previewUrl} alt="" style={{ ...size, objectFit: 'cover' }} />
        ) : (
          <VideoCameraOutlined style={{ fontSize: 28, color: '#bfbfbf' }} />
        )}
        <PlayCircleOutlined
          style={{ position: 'absolute', fontSize: 28, color: '#fff', textShadow: '0 0 4px #000' }}
        />
      </button>
    );
  }
  const Icon = kind === 'photo' ? PictureOutlined : FileTextOutlined;
  return (
    <a href={material.contentUrl} target="_blank" rel="noreferrer" style={box}>
      <Icon style={{ fontSize: 28, color: '#bfbfbf' }} />
    </a>
  );
}

export function MaterialFileCard({
  material,
  kind,
  paired,
  outside = false,
  note,
  onChanged,
  onWaive,
}: {
  material: Material;
  kind: MaterialKind;
  /** True when the file has a converted copy or is one: then which one is submitted matters. */
  paired: boolean;
  /** Outside every slot of this round: never submitted, so its check status means nothing here. */
  outside?: boolean;
  /** Which of an original and its converted copy is submitted, said on the card. */
  note?: string;
  onChanged: () => void;
  onWaive: (material: Material) => void;
}) {
  const showError = useShowError();
  const [playing, setPlaying] = useState(false);
  const [convertRefusal, setConvertRefusal] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: () => deleteMaterial(material.id),
    onSuccess: onChanged,
    onError: showError,
  });
  const choose = useMutation({
    mutationFn: () => chooseMaterial(material.id),
    onSuccess: onChanged,
    onError: showError,
  });
  const convert = useMutation({
    mutationFn: () => convertMaterial(material.id),
    onSuccess: () => {
      setConvertRefusal(null);
      onChanged();
    },
    // Kept on the card, not a passing toast: e.g. 「平台未安装视频转换组件……」 is worth reading.
    onError: (error) => setConvertRefusal(errorMessage(error)),
  });

  const converting = material.state === 'converting';
  const findings = material.findings.filter((f) => f.code !== 'ATTESTATION_NEEDED');
  const waived = material.waivers.map((w) => w.code);
  const statusLabel = converting ? '转换中' : material.statusLabel;
  const actions = material.actions;

  return (
    <div data-testid="material-file" style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
        <Thumb material={material} kind={kind} onPlay={() => setPlaying((p) => !p)} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Space size={4} wrap>
            <Typography.Text strong style={{ wordBreak: 'break-all' }}>
              {material.fileName}
            </Typography.Text>
            {outside ? (
              <Tag>不计入提交</Tag>
            ) : (
              <Tag color={STATUS_COLORS[material.status]}>{statusLabel}</Tag>
            )}
            {material.convertedFrom && <Tag color="cyan">转换后的副本</Tag>}
            {paired && material.chosen && <Tag color="green">提交此文件</Tag>}
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {converting ? '正在转换' : formatMegabytes(material.bytes)}
            </Typography.Text>
          </div>
          {note && (
            <div>
              <Typography.Text type={material.chosen ? 'success' : 'secondary'} style={{ fontSize: 13 }}>
                {note}
              </Typography.Text>
            </div>
          )}
          {converting && (
            <Progress
              percent={Math.round(material.progress ?? 0)}
              size="small"
              status="active"
              aria-label="转换进度"
            />
          )}
          {material.state === 'pending' && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                正在检查格式、大小、分辨率……
              </Typography.Text>
            </div>
          )}
          {material.state === 'passed' && findings.length === 0 && (
            <div>
              <Typography.Text type="success" style={{ fontSize: 13 }}>
                符合要求
              </Typography.Text>
            </div>
          )}
          <FindingLines findings={findings} waived={waived} />
          {material.waivers.map((w) => (
            <div key={w.code} style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">
                豁免理由（{w.by}）：{w.reason}
              </Typography.Text>
            </div>
          ))}
          {convertRefusal && (
            <Alert
              type="warning"
              showIcon
              title={convertRefusal}
              closable={{ onClose: () => setConvertRefusal(null) }}
              style={{ marginTop: 6 }}
            />
          )}
          <Space size={4} wrap style={{ marginTop: 6 }}>
            {kind === 'video' && !converting && (
              <Button size="small" icon={<PlayCircleOutlined />} onClick={() => setPlaying((p) => !p)}>
                {playing ? '收起' : '播放'}
              </Button>
            )}
            {actions.includes('convert') && (
              <Button
                size="small"
                type="primary"
                ghost
                loading={convert.isPending}
                onClick={() => convert.mutate()}
              >
                转换为符合要求的视频
              </Button>
            )}
            {actions.includes('choose') && (
              <Button size="small" loading={choose.isPending} onClick={() => choose.mutate()}>
                {material.convertedFrom ? '改为提交转换后的文件' : '改为提交原文件'}
              </Button>
            )}
            {actions.includes('waive') && unwaivedErrors(material).length > 0 && (
              <Button size="small" onClick={() => onWaive(material)}>
                豁免
              </Button>
            )}
            {actions.includes('delete') && (
              <Popconfirm
                title="删除这个文件？"
                description="删除后不可恢复，需要时请重新上传。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => remove.mutate()}
              >
                <Button size="small" danger loading={remove.isPending}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        </div>
      </div>
      {playing && (
        // biome-ignore lint/a11y/useMediaCaption: the unit's own film; there are no captions to offer
        <video
          controls
          autoPlay
          preload="metadata"
          src={material.contentUrl}
          poster={material.previewUrl ?? undefined}
          style={{ width: '100%', maxWidth: 640, marginTop: 8, background: '#000', borderRadius: 4 }}
        />
      )}
    </div>
  );
}
