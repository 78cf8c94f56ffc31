import { Alert } from 'antd';

/** Server messages that belong to no single field, shown above a dialog's form. */
export function FormErrors({ messages }: { messages: string[] }) {
  return (
    <>
      {messages.map((m, i) => (
        <Alert key={i} type="error" showIcon title={m} style={{ marginBottom: 12 }} />
      ))}
    </>
  );
}
