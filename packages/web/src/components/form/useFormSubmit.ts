/** The submit sequence shared by the form dialogs: clear the last try, validate, save, show what the server refused. */
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyServerErrors, clearFieldErrors } from './serverErrors';

export interface FormSubmitOptions {
  /** Prepended to the server's field paths when the form nests the body differently (see applyServerErrors). */
  prefix?: (string | number)[];
}

/**
 * `submit` forgets the last try's messages and field errors, validates the form (stopping quietly on a client
 * error, which antd shows on its field) and calls `save` with the values. If `save` throws — typically the
 * `mutateAsync` it awaits — the server's field errors are put on their fields and the rest returned as `errors`,
 * for <FormErrors messages={errors} />. `save` keeps the caller's own success handling (message, onClose,
 * navigation) after its await; the loading state stays the mutation's `isPending`.
 */
export function useFormSubmit<Values>(
  form: FormInstance<Values>,
  save: (values: Values) => Promise<unknown>,
  options: FormSubmitOptions = {},
) {
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async (): Promise<void> => {
    setErrors([]);
    clearFieldErrors(form);
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    try {
      await save(values);
    } catch (e) {
      setErrors(applyServerErrors(form, e, options.prefix));
    }
  };

  /** Forgets the messages above the form (e.g. when a dialog reopens). */
  const clearErrors = () => setErrors([]);

  return { errors, submit, clearErrors };
}
