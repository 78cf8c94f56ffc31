/** 信息比对 API: types and calls (rules, families, runs, hits, row issues). */
import { api, ApiError } from '../../api/client';

export type SubjectGroup = 'alleviated' | 'monitored' | 'ordinary';
export const GROUP_LABELS: Record<SubjectGroup, string> = { alleviated: '脱贫人口', monitored: '监测对象', ordinary: '一般农户' };
export const GROUPS: SubjectGroup[] = ['alleviated', 'monitored', 'ordinary'];

export interface ComparisonRule {
  id: number;
  code: string;
  version: number;
  family: string;
  familyLabel: string;
  departmentCode: string;
  label: string;
  appliesTo: SubjectGroup[];
  condition: unknown;
  thresholds: Record<string, Partial<Record<SubjectGroup, number>>>;
  output: { kind: 'risk_clue'; riskTypes?: string[] } | { kind: 'suspected_problem'; riskTypes?: string[] };
  active: boolean;
  changeReason: string | null;
  createdByName: string | null;
  createdAt: string;
  versionCount?: number;
}

export interface RuleEdit {
  baseVersion: number;
  label: string;
  appliesTo: SubjectGroup[];
  thresholds: Record<string, Partial<Record<SubjectGroup, number>>>;
  output: { kind: 'risk_clue' | 'suspected_problem'; riskTypes?: string[] };
  active: boolean;
  changeReason: string;
}

export interface FamilyColumn { key: string; label: string; required: boolean; unit: string | null; type: string }
export interface Family {
  family: string;
  label: string;
  departmentCode: string;
  departmentName: string | null;
  columns: FamilyColumn[];
  activeRules: { code: string; version: number; label: string }[];
}

export type RunStatus = 'queued' | 'running' | 'completed' | 'failed';
export interface RunCounts {
  rows: number; matched: number; invalidIds: number; unmatched: number; duplicates: number; missingData: number;
  hits: number; created: number; attached: number; skipped: number;
}
export interface ComparisonRun {
  id: number;
  family: string;
  familyLabel: string;
  departmentCode: string;
  departmentName: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  fileFormat: string | null;
  fileEncoding: string | null;
  ruleVersions: string[];
  headerWarnings: string[];
  status: RunStatus;
  statusLabel: string;
  counts: RunCounts;
  errorMessage: string | null;
  createdByName: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunHit {
  id: number;
  warningId: number;
  ruleCode: string | null;
  ruleVersion: number | null;
  rowNumber: number | null;
  subjectName: string | null;
  subjectIdNumber: string | null;
  subjectGroup: SubjectGroup | null;
  villageCode: string;
  villageName: string | null;
  warningState: string;
  outputKind: string;
  decision: string | null;
  explanation: string;
  triggers: { label: string; text: string }[];
}

export type IssueKind = 'invalid_id' | 'unmatched' | 'duplicate' | 'missing_data';
export const ISSUE_KIND_LABELS: Record<IssueKind, string> = { invalid_id: '证件号码无效', unmatched: '未匹配到人员', duplicate: '同一人重复出现', missing_data: '缺少规则所需数据' };
export interface RunIssue { rowNumber: number; kind: IssueKind; kindLabel: string; idNumber: string | null; name: string | null; message: string }

export interface Page<T> { total: number; page: number; pageSize: number; items: T[] }

export const fetchRules = () => api<{ items: ComparisonRule[] }>('/comparison/rules');
export const fetchRuleVersions = (code: string) => api<{ items: ComparisonRule[] }>(`/comparison/rules/${encodeURIComponent(code)}/versions`);
export const saveRule = (code: string, body: RuleEdit) => api<ComparisonRule>(`/comparison/rules/${encodeURIComponent(code)}`, { method: 'PUT', body });
export const fetchFamilies = () => api<{ items: Family[] }>('/comparison/families');
export const fetchRuns = (query: { family?: string; status?: string; page: number; pageSize: number }) => api<Page<ComparisonRun>>('/comparison/runs', { query });
export const fetchRun = (id: number) => api<ComparisonRun>(`/comparison/runs/${id}`);
export const fetchRunHits = (id: number, page: number, pageSize: number) => api<Page<RunHit>>(`/comparison/runs/${id}/hits`, { query: { page, pageSize } });
export const fetchRunIssues = (id: number, query: { kind?: string; page: number; pageSize: number }) => api<Page<RunIssue>>(`/comparison/runs/${id}/issues`, { query });
export const issuesDownloadUrl = (id: number) => `/api/comparison/runs/${id}/issues.xlsx`;

/** Upload a department file (multipart; the JSON client does not send files). */
export async function uploadRun(family: string, file: File): Promise<ComparisonRun> {
  const form = new FormData();
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(`/api/comparison/runs?family=${encodeURIComponent(family)}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'error', body?.error?.message ?? `上传失败（${res.status}）`, body?.error?.fields ?? []);
  return body as ComparisonRun;
}

export const isFinished = (s: RunStatus | undefined) => s === 'completed' || s === 'failed';
