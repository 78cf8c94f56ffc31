import { Button, Card, Input, Typography } from 'antd';

interface Props {
  /** The summary as saved. */
  saved: string;
  /** Editable (a draft, by its department). */
  editable: boolean;
  value: string;
  onChange: (v: string) => void;
  onSave: () => void;
  saving: boolean;
}

/** 自查情况小结: edited while the report is a draft; read-only otherwise. */
export function SummaryCard({ saved, editable, value, onChange, onSave, saving }: Props) {
  const dirty = value !== saved;
  return (
    <Card
      title="自查情况小结"
      extra={
        editable && (
          <Button type="primary" disabled={!dirty} loading={saving} onClick={onSave} data-testid="self-check-summary-save">
            保存小结
          </Button>
        )
      }
    >
      {editable ? (
        <Input.TextArea
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 4, maxRows: 16 }}
          maxLength={5000}
          showCount
          placeholder="本月自查开展情况、发现的主要问题、整改推进情况等"
          data-testid="self-check-summary"
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{saved || <Typography.Text type="secondary">（未填写）</Typography.Text>}</Typography.Paragraph>
      )}
    </Card>
  );
}
