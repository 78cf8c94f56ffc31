export interface AuditRow {
  id: number;
  at: string;
  userId?: number | null;
  username: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  clientIp: string | null;
}

export interface AuditQuery {
  username?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO date-times with offset; `to` is exclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}
