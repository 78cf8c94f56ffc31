/** Policy library SQL: policies, per-department read receipts, the monthly digest. Only queries. */
import type { Queryable } from '../../../db/db.js';
import { SqlParams, escapeLike } from '../../../db/sql-params.js';
import type { PolicyInput, PolicyListQuery } from './policy.schemas.js';

export interface PolicyRow {
  id: number;
  level: string;
  issuing_body: string;
  doc_number: string | null;
  issued_on: string;
  title: string;
  summary: string;
  tags: string[];
  link: string | null;
  attachment_name: string | null;
  published_at: Date;
  added_by: number;
  added_by_name: string;
  version: number;
  read_count: number;
  read_by_me: boolean | null;
}

/** Half-open range of `published_at` for one month (UTC, as the injected clock's dates are). */
export interface PublishedRange { from: string; to: string }

function selectPolicies(p: SqlParams, myDepartment: string | null): string {
  const readByMe = myDepartment
    ? `EXISTS (SELECT 1 FROM policy_receipt r WHERE r.policy_id = p.id AND r.department_code = ${p.add(myDepartment)})`
    : 'NULL::boolean';
  return `SELECT p.*, u.display_name AS added_by_name,
                 (SELECT count(*) FROM policy_receipt r JOIN department d ON d.code = r.department_code WHERE r.policy_id = p.id) AS read_count,
                 ${readByMe} AS read_by_me
            FROM policy_doc p JOIN user_account u ON u.id = p.added_by`;
}

export async function listPolicies(q: Queryable, f: PolicyListQuery, range: PublishedRange | null, myDepartment: string | null): Promise<{ total: number; rows: PolicyRow[] }> {
  const p = new SqlParams();
  const where: string[] = ['true'];
  if (f.level) where.push(`p.level = ${p.add(f.level)}`);
  if (f.tag) where.push(`${p.add(f.tag)} = ANY (p.tags)`);
  if (range) where.push(`p.published_at >= ${p.add(range.from)}::timestamptz AND p.published_at < ${p.add(range.to)}::timestamptz`);
  if (f.q) {
    const like = p.add(`%${escapeLike(f.q)}%`);
    where.push(`(p.title ILIKE ${like} ESCAPE '\\' OR p.summary ILIKE ${like} ESCAPE '\\' OR p.issuing_body ILIKE ${like} ESCAPE '\\' OR p.doc_number ILIKE ${like} ESCAPE '\\')`);
  }
  const cond = where.join(' AND ');
  const [{ total }] = (await q.query<{ total: number }>(`SELECT count(*) AS total FROM policy_doc p WHERE ${cond}`, [...p.values])) as [{ total: number }];
  const select = selectPolicies(p, myDepartment); // adds its parameter after the filters': the count above does not take it
  const rows = await q.query<PolicyRow>(
    `${select} WHERE ${cond} ORDER BY p.published_at DESC, p.id DESC LIMIT ${p.add(f.pageSize)} OFFSET ${p.add((f.page - 1) * f.pageSize)}`,
    p.values,
  );
  return { total: Number(total), rows };
}

export async function findPolicy(q: Queryable, id: number, myDepartment: string | null): Promise<PolicyRow | null> {
  const p = new SqlParams();
  const select = selectPolicies(p, myDepartment);
  return (await q.query<PolicyRow>(`${select} WHERE p.id = ${p.add(id)}`, p.values))[0] ?? null;
}

export async function lockPolicy(q: Queryable, id: number): Promise<{ id: number; version: number } | null> {
  return (await q.query<{ id: number; version: number }>('SELECT id, version FROM policy_doc WHERE id = $1 FOR UPDATE', [id]))[0] ?? null;
}

/** The policy already holding a 文号, other than `exceptId`. */
export async function findByDocNumber(q: Queryable, docNumber: string, exceptId = 0): Promise<{ id: number; title: string } | null> {
  return (await q.query<{ id: number; title: string }>('SELECT id, title FROM policy_doc WHERE doc_number = $1 AND id <> $2', [docNumber, exceptId]))[0] ?? null;
}

const columns = (v: PolicyInput) => [v.level, v.issuingBody, v.docNumber, v.issuedOn, v.title, v.summary, v.tags, v.link, v.attachmentName];

export async function insertPolicy(q: Queryable, v: PolicyInput, addedBy: number, publishedAt: Date): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO policy_doc (level, issuing_body, doc_number, issued_on, title, summary, tags, link, attachment_name, added_by, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [...columns(v), addedBy, publishedAt],
  );
  return Number(row!.id);
}

export async function updatePolicy(q: Queryable, id: number, v: PolicyInput): Promise<void> {
  await q.query(
    `UPDATE policy_doc SET level = $1, issuing_body = $2, doc_number = $3, issued_on = $4, title = $5, summary = $6, tags = $7,
            link = $8, attachment_name = $9, version = version + 1, updated_at = now()
      WHERE id = $10`,
    [...columns(v), id],
  );
}

/** Record a department's receipt once; returns the receipt and whether this call created it. */
export async function recordReceipt(q: Queryable, policyId: number, departmentCode: string, userId: number, at: Date): Promise<{ readAt: Date; created: boolean }> {
  const inserted = await q.query<{ read_at: Date }>(
    `INSERT INTO policy_receipt (policy_id, department_code, user_id, read_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (policy_id, department_code) DO NOTHING RETURNING read_at`,
    [policyId, departmentCode, userId, at],
  );
  if (inserted[0]) return { readAt: inserted[0].read_at, created: true };
  const [existing] = await q.query<{ read_at: Date }>('SELECT read_at FROM policy_receipt WHERE policy_id = $1 AND department_code = $2', [policyId, departmentCode]);
  return { readAt: existing!.read_at, created: false };
}

export const countDepartments = async (q: Queryable): Promise<number> =>
  Number((await q.query<{ n: number }>('SELECT count(*) AS n FROM department'))[0]!.n);

/** Every department with its receipt of the policy, if any, in the departments' order. */
export const receiptsOf = (q: Queryable, policyId: number) =>
  q.query<{ code: string; name: string; class: string; read_at: Date | null; reader_name: string | null }>(
    `SELECT d.code, d.name, d.class, r.read_at, u.display_name AS reader_name
       FROM department d
       LEFT JOIN policy_receipt r ON r.department_code = d.code AND r.policy_id = $1
       LEFT JOIN user_account u ON u.id = r.user_id
      ORDER BY d.sort_order, d.code`,
    [policyId],
  );

export async function policiesPublishedIn(q: Queryable, range: PublishedRange): Promise<PolicyRow[]> {
  const p = new SqlParams();
  const select = selectPolicies(p, null);
  return q.query<PolicyRow>(
    `${select} WHERE p.published_at >= ${p.add(range.from)}::timestamptz AND p.published_at < ${p.add(range.to)}::timestamptz
      ORDER BY p.issued_on DESC, p.id DESC`,
    p.values,
  );
}
