/**
 * The 公示 as the public will read it: title, opening paragraph, the period, the lists by category (specials
 * marked, removed entries struck through), how to object, the issuer, the dated corrections.
 */
import { Tag, Typography } from 'antd';
import { formatChineseDate } from '#core/calendar/format.ts';
import type { AnnouncementEntryView, AnnouncementView } from '#web/api/announcements.ts';
import { DESCRIPTION_TEXT } from '#web/theme.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';

const CATEGORIES = [
  { key: 'star', label: '百姓学习之星', nameLabel: '姓名' },
  { key: 'project', label: '终身学习品牌项目', nameLabel: '项目名称' },
] as const;

const cell = { border: '1px solid #d9d9d9', padding: '4px 8px', textAlign: 'left' as const };

function EntryTable({ entries, project }: { entries: AnnouncementEntryView[]; project: boolean }) {
  return (
    <ScrollRegion label={project ? '终身学习品牌项目名单' : '百姓学习之星名单'}>
      <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: project ? 480 : 300 }}>
        <thead>
          <tr>
            <th style={cell}>序号</th>
            <th style={cell}>{project ? '项目名称' : '姓名'}</th>
            {project && <th style={cell}>实施主体</th>}
            <th style={cell}>推荐单位</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const removed = e.removedAt !== null;
            const text = removed ? { textDecoration: 'line-through', color: DESCRIPTION_TEXT } : undefined;
            return (
              <tr key={e.id}>
                <td style={cell}>{e.position}</td>
                <td style={{ ...cell, ...text }}>
                  {e.name}
                  {e.specialLabel && (
                    <Tag color="gold" style={{ marginInlineStart: 6 }}>
                      {e.specialLabel}
                    </Tag>
                  )}
                  {removed && <Tag style={{ marginInlineStart: 6 }}>已撤销</Tag>}
                </td>
                {project && <td style={{ ...cell, ...text }}>{e.entity ?? ''}</td>}
                <td style={{ ...cell, ...text }}>{e.unit}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function AnnouncementPreview({ announcement: a }: { announcement: AnnouncementView }) {
  const c = a.objectionContact;
  const contactLines = [
    c.receiver && `受理单位：${c.receiver}`,
    c.address && `通讯地址：${c.address}${c.postcode ? `（邮编 ${c.postcode}）` : ''}`,
    c.phone && `联系电话：${c.phone}`,
    c.email && `电子邮箱：${c.email}`,
    c.deadlineWording && `受理时间：${c.deadlineWording}`,
  ].filter(Boolean);
  return (
    <article style={{ maxWidth: 820 }}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {a.title}
      </Typography.Title>
      <Typography.Paragraph style={{ textIndent: '2em' }}>{a.intro}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>公示期：</Typography.Text>
        {a.period ? a.period.text : '尚未选定开始日期'}
      </Typography.Paragraph>
      {CATEGORIES.map(({ key, label }) => {
        const entries = a.entries.filter((e) => e.category === key);
        if (entries.length === 0) return null;
        return (
          <section key={key} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>
              {label}拟推介名单（{entries.filter((e) => !e.removedAt).length}
              {key === 'star' ? '名' : '个'}）
            </Typography.Title>
            <EntryTable entries={entries} project={key === 'project'} />
          </section>
        );
      })}
      {contactLines.length > 0 && (
        <section>
          <Typography.Title level={5}>异议受理</Typography.Title>
          {contactLines.map((line) => (
            <Typography.Paragraph key={line as string} style={{ marginBottom: 4 }}>
              {line}
            </Typography.Paragraph>
          ))}
        </section>
      )}
      {a.corrections.length > 0 && (
        <section>
          <Typography.Title level={5}>更正说明</Typography.Title>
          {a.corrections.map((k) => (
            <Typography.Paragraph key={k.id} style={{ marginBottom: 4 }}>
              {formatChineseDate(k.day)}【{k.kindLabel}】{k.text}
            </Typography.Paragraph>
          ))}
        </section>
      )}
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 16 }}>
        {a.issuer}
        {a.period && (
          <>
            <br />
            {formatChineseDate(a.period.startDay)}
          </>
        )}
      </Typography.Paragraph>
    </article>
  );
}
