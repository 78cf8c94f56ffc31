/** Putting a 400's `error.fields` ([{field: 'members.0.idNumber', message}]) onto the antd form fields they name. */
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';

type NamePath = (string | number)[];

export function toNamePath(field: string): NamePath {
  return field
    .split('.')
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

const sameName = (a: NamePath, b: readonly (string | number)[]) => a.length === b.length && a.every((seg, i) => seg === b[i]);

/**
 * Clears every error shown on the form, so that server errors of the last try do not linger on fields
 * that have no client rule to re-check them. Call before validating a new submit.
 */
export function clearFieldErrors(form: FormInstance): void {
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0);
  if (stale.length) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}

/**
 * Marks each server field error on its form field. `prefix` is prepended when the form nests the body
 * differently from the request (e.g. a modal whose fields are the whole body).
 * Returns the messages that matched no field of the form, to show above it.
 */
export function applyServerErrors(form: FormInstance, error: unknown, prefix: NamePath = []): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : '操作失败'];
  if (error.fields.length === 0) return [error.message];

  const registered = form.getFieldsError().map((f) => f.name);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];

  for (const f of error.fields) {
    const name = [...prefix, ...toNamePath(f.field)];
    if (!registered.some((r) => sameName(name, r))) {
      unmatched.push(f.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next().value;
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unmatched;
}
