/**
 * The nomination's files beside its form: photos as thumbnails (a click enlarges, arrows page through
 * them), each video in a player that streams with byte ranges (the expert can jump to any minute
 * without downloading the whole film), documents as links that open in a new tab.
 */
import { FileTextOutlined } from '@ant-design/icons';
import { Image, Space, Typography } from 'antd';
import type { ReviewFile } from '#web/api/review-scoring.ts';

export function ReviewFiles({ files }: { files: readonly ReviewFile[] }) {
  const photos = files.filter((f) => f.kind === 'photo');
  const videos = files.filter((f) => f.kind === 'video');
  const others = files.filter((f) => f.kind !== 'photo' && f.kind !== 'video');
  if (files.length === 0) return <Typography.Text type="secondary">未上传附件材料。</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {photos.length > 0 && (
        <div>
          <Typography.Title level={5}>照片（{photos.length} 张，点击放大）</Typography.Title>
          <Image.PreviewGroup>
            <div className="review-thumbs">
              {photos.map((photo) => (
                <figure key={photo.materialId} className="review-thumb">
                  <Image
                    src={photo.previewUrl ?? photo.contentUrl}
                    alt={photo.fileName}
                    width={120}
                    height={90}
                    style={{ objectFit: 'cover' }}
                    preview={{ src: photo.contentUrl }}
                  />
                  <figcaption>{photo.slotLabel}</figcaption>
                </figure>
              ))}
            </div>
          </Image.PreviewGroup>
        </div>
      )}
      {videos.map((video) => (
        <div key={video.materialId}>
          <Typography.Title level={5}>{video.slotLabel}</Typography.Title>
          {/* biome-ignore lint/a11y/useMediaCaption: the nominating unit's film has no captions to offer */}
          <video
            className="review-video"
            controls
            preload="metadata"
            playsInline
            src={video.contentUrl}
            poster={video.previewUrl ?? undefined}
            aria-label={`${video.slotLabel}：${video.fileName}`}
          />
        </div>
      ))}
      {others.length > 0 && (
        <div>
          <Typography.Title level={5}>其他材料</Typography.Title>
          <Space orientation="vertical" size={4}>
            {others.map((file) => (
              <Typography.Link key={file.materialId} href={file.contentUrl} target="_blank" rel="noopener">
                <FileTextOutlined /> {file.slotLabel}：{file.fileName}
              </Typography.Link>
            ))}
          </Space>
        </div>
      )}
    </Space>
  );
}
