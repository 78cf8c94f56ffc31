export type PolicyLevel = 'central' | 'provincial' | 'city' | 'county';

export interface Policy {
  id: number;
  level: PolicyLevel;
  levelLabel: string;
  issuingBody: string;
  docNumber: string | null;
  issuedOn: string;
  title: string;
  summary: string;
  tags: string[];
  link: string | null;
  attachmentName: string | null;
  publishedAt: string;
  addedBy: string;
  version: number;
  readCount: number;
  departmentCount: number;
  /** For a department user: whether the department has read it; null for other roles. */
  readByMyDepartment: boolean | null;
}

export interface PolicyInput {
  level: PolicyLevel;
  issuingBody: string;
  docNumber: string | null;
  issuedOn: string;
  title: string;
  summary: string;
  tags: string[];
  link: string | null;
  attachmentName: string | null;
}

export interface PolicyListQuery {
  level?: string;
  tag?: string;
  q?: string;
  month?: string;
  page: number;
  pageSize: number;
}

export interface PolicyReceipts {
  policyId: number;
  readCount: number;
  departmentCount: number;
  items: {
    departmentCode: string;
    departmentName: string;
    departmentClass: string;
    read: boolean;
    readAt: string | null;
    readerName: string | null;
  }[];
}

export interface DigestItem {
  id: number;
  title: string;
  issuingBody: string;
  docNumber: string | null;
  issuedOn: string;
  publishedAt: string;
  tags: string[];
  readCount: number;
}

export interface PolicyDigest {
  month: string;
  total: number;
  departmentCount: number;
  groups: { level: PolicyLevel; label: string; items: DigestItem[] }[];
}
