/** The list under its headings, in the official order, numbered per heading; one line per winner. */
import { List, Typography } from 'antd';
import type { ResultsStatusResponse } from '#web/api/results.ts';

export function ResultList({ sections }: { sections: ResultsStatusResponse['sections'] }) {
  if (sections.length === 0) return <Typography.Text type="secondary">名单为空</Typography.Text>;
  return (
    <>
      {sections.map((section) => (
        <section key={section.key} style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>
            {section.title}（{section.entries.length}
            {section.measure}）
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={section.entries}
            renderItem={(e) => (
              <List.Item>
                <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <Typography.Text strong>
                    {e.number}. {e.name}
                  </Typography.Text>
                  {e.special && <Typography.Text type="warning">（特别推介）</Typography.Text>}
                  <br />
                  <Typography.Text type="secondary">
                    {[e.entity, e.unit].filter(Boolean).join('　推荐单位：')}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </section>
      ))}
    </>
  );
}
