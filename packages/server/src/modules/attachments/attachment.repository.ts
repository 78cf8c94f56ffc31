import type { Queryable } from '../../db/db.js';

export type OwnerType = 'rectification';

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

/** The department a record belongs to (scope), or null when the record does not exist. */
export async function ownerDepartment(q: Queryable, type: OwnerType, id: number): Promise<string | null> {
  const rows = await q.query<{ department_code: string }>(`SELECT department_code FROM rectification WHERE id = $1 AND $2 = 'rectification'`, [id, type]);
  return rows[0]?.department_code ?? null;
}

export async function insertAttachment(q: Queryable, a: { ownerType: OwnerType; ownerId: number; fileName: string; contentType: string; data: Buffer; sha256: string; uploadedBy: number }): Promise<number> {
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
