/** The layout of the 推介表: numbered sections as on the paper form, and two fields side by side. */
import { Card, Col, Row } from 'antd';
import type { ReactNode } from 'react';

/** A numbered part of the form; its `id` is where the findings summary jumps to. */
export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} id={id} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** Two columns on wide screens, one on phones. */
export function Pair({ children }: { children: ReactNode[] }) {
  return (
    <Row gutter={16}>
      {children.map((child, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed layout slots
        <Col key={i} xs={24} md={12}>
          {child}
        </Col>
      ))}
    </Row>
  );
}
