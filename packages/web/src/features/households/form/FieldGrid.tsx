import { Col, Row } from 'antd';
import { Children, type ReactNode } from 'react';

/** Form items laid out three to a row (one on narrow screens). */
export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Row gutter={16}>
      {Children.toArray(children)
        .filter(Boolean)
        .map((child, i) => (
          <Col key={i} xs={24} md={12} xl={8}>
            {child}
          </Col>
        ))}
    </Row>
  );
}
