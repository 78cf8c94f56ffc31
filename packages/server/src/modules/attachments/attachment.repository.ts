import type { Queryable } from '../../db/db.js';

import type { Resource } from '@shouwang/domain';

/** Records that can carry evidence files, each with the policy resource that decides who reads them. */
export type OwnerType = 'rectification' | 'warning' | 'monitoring_case' | 'visit' | 'help_measure';

/** Where a record lies, for scope: its department and/or village, and its household (a 帮扶责任人's scope). */
export interface OwnerScope {
  department_code: string | null;
  village_code: string | null;
  helper_user_id: number | null;
}

export const OWNER_RESOURCE: Record<OwnerType, Resource> = {
  rectification: 'self_check',
  warning: 'warning',
  monitoring_case: 'monitoring_case',
  visit: 'visit',
  help_measure: 'help_plan',
};

const OWNER_SCOPE_SQL: Record<OwnerType, string> = {
  rectification: `SELECT department_code, NULL::text AS village_code, NULL::bigint AS helper_user_id FROM rectification WHERE id = $1`,
  warning: `SELECT w.pushing_department_code AS department_code, w.village_code, h.helper_user_id
              FROM warning w LEFT JOIN household h ON h.id = w.household_id WHERE w.id = $1`,
  monitoring_case: `SELECT NULL::text AS department_code, c.village_code, h.helper_user_id
                      FROM monitoring_case c JOIN household h ON h.id = c.household_id WHERE c.id = $1`,
  visit: `SELECT NULL::text AS department_code, h.village_code, h.helper_user_id FROM visit v JOIN household h ON h.id = v.household_id WHERE v.id = $1`,
  help_measure: `SELECT m.department_code, h.village_code, h.helper_user_id FROM help_measure m JOIN household h ON h.id = m.household_id WHERE m.id = $1`,
};

export interface AttachmentMeta {
  id: number;
  owner_type: OwnerType;
  owner_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
  uploaded_by_name: string | null;
}

const META = `a.id, a.owner_type, a.owner_id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.uploaded_at, u.display_name AS uploaded_by_name`;

/** The department / village / helper a record belongs to (scope), or null when the record does not exist. */
export async function ownerScope(q: Queryable, type: OwnerType, id: number): Promise<OwnerScope | null> {
  const rows = await q.query<OwnerScope>(OWNER_SCOPE_SQL[type], [id]);
  return rows[0] ?? null;
}

export async function insertAttachment(q: Queryable, a: { ownerType: OwnerType; ownerId: number; fileName: string; contentType: string; data: Buffer; sha256: string; uploadedBy: number | null }): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO attachment (owner_type, owner_id, file_name, content_type, size_bytes, sha256, data, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.ownerType, a.ownerId, a.fileName, a.contentType, a.data.length, a.sha256, a.data, a.uploadedBy],
  );
  return Number(row!.id);
}

export const listAttachments = (q: Queryable, type: OwnerType, id: number) =>
  q.query<AttachmentMeta>(`SELECT ${META} FROM attachment a LEFT JOIN user_account u ON u.id = a.uploaded_by WHERE a.owner_type = $1 AND a.owner_id = $2 ORDER BY a.id`, [type, id]);

export async function findAttachment(q: Queryable, id: number): Promise<(AttachmentMeta & { data: Uint8Array }) | null> {
  const rows = await q.query<AttachmentMeta & { data: Uint8Array }>(`SELECT ${META}, a.data FROM attachment a LEFT JOIN user_account u ON u.id = a.uploaded_by WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}
