import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/client';
import { applyServerErrors, clearFieldErrors } from '../../../components/form/serverErrors';

/**
 * A failed save, shown where it belongs: 400 field errors on their fields, anything else
 * (409 duplicate ID or stale version, 403, …) as messages above the form.
 */
export function useServerErrors(form: FormInstance) {
  const { message } = App.useApp();
  const [messages, setMessages] = useState<string[]>([]);

  const show = useCallback(
    (error: unknown) => {
      const unmatched = applyServerErrors(form, error);
      const hasFieldErrors = error instanceof ApiError && error.fields.length > unmatched.length;
      setMessages(unmatched);
      if (hasFieldErrors) message.error('请根据提示修改标红的内容');
    },
    [form, message],
  );

  /** Before a new submit: forget the last try's messages and field errors. */
  const clear = useCallback(() => {
    setMessages([]);
    clearFieldErrors(form);
  }, [form]);

  return { messages, show, clear };
}
