/** API of the quality feature: 月度任务, 数据质量, 监测统计, 监测线模拟. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface JobRun {
  id: number; job: string; trigger: string; period: string | null; startedAt: string; finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed'; counts: Record<string, unknown>; error: string | null; startedBy: string | null;
}

export interface FollowupTask {
  id: number; kind: 'revisit' | 'assessment'; kindLabel: string; householdId: number; householdNo: string; headName: string | null;
  villageCode: string; villageName: string; townshipName: string | null; helperName: string | null; monitorCategory: string | null;
  riskTypes: string[]; month: string; dueOn: string; status: 'open' | 'done' | 'cancelled'; doneOn: string | null; doneByName: string | null;
  outcome: string | null; assessmentId: number | null;
}

export interface Assessment {
  id: number; month: string; assessedOn: string; perCapitaNetIncome: number | null; housingUnsafe: boolean; schoolingDropout: boolean;
  medicalUninsured: boolean; waterUnsafe: boolean; newRiskTypes: string[]; notes: string | null; assessedByName: string | null;
}

export interface TaskList {
  month: string; total: number; open: number; done: number; overdue: number; page: number; pageSize: number; items: FollowupTask[]; lastRun: JobRun | null;
}

export interface TaskFilters { month?: string; kind?: string; status?: string; areaCode?: string; q?: string; page: number; pageSize: number }

export const OUTCOME_LABELS: Record<string, string> = {
  no_change: '无变化', new_risk: '发现新风险', rollback_suggested: '发现新风险，建议风险消除回退',
  reidentification_suggested: '发现新风险，建议重新识别纳入', assessed: '已评估',
};
export const STATUS_LABELS: Record<string, string> = { open: '待完成', done: '已完成', cancelled: '已取消' };

export const useTasks = (f: TaskFilters) =>
  useQuery({ queryKey: ['followup-tasks', f], queryFn: () => api<TaskList>('/followup-tasks', { query: { ...f } }), placeholderData: keepPreviousData });

export function useGenerateTasks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (month?: string) => api<{ month: string; revisit: number; assessment: number; cancelled: number }>('/followup-tasks/generate', { method: 'POST', body: { month } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['followup-tasks'] }),
  });
}

export interface AssessmentValues {
  perCapitaNetIncome: number; housingUnsafe?: boolean; schoolingDropout?: boolean; medicalUninsured?: boolean; waterUnsafe?: boolean;
  newRiskTypes?: string[]; notes?: string | null;
}
export interface RevisitValues { newRiskTypes?: string[]; suggestion?: 'rollback' | 'reidentification' | null; perCapitaNetIncome?: number | null; notes?: string | null }

export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ task, values }: { task: FollowupTask; values: AssessmentValues | RevisitValues }) =>
      api<{ task: FollowupTask }>(`/followup-tasks/${task.id}/${task.kind === 'assessment' ? 'assessment' : 'revisit'}`, { method: 'POST', body: values }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['followup-tasks'] });
      qc.invalidateQueries({ queryKey: ['household-followup'] });
    },
  });
}

export const useHouseholdFollowup = (householdId: number, enabled: boolean) =>
  useQuery({ queryKey: ['household-followup', householdId], enabled, queryFn: () => api<{ tasks: FollowupTask[]; assessments: Assessment[] }>(`/households/${householdId}/followup`) });

export interface Finding {
  id: number; ruleCode: string; ruleName: string; severity: string; fixAt: 'household_edit' | 'household_page'; householdId: number; householdNo: string;
  headName: string | null; personId: number | null; personName: string | null; villageCode: string; villageName: string; townshipName: string | null;
  message: string; firstSeenOn: string; lastSeenOn: string; resolvedOn: string | null;
}

export const useHouseholdFindings = (householdId: number, enabled: boolean) =>
  useQuery({ queryKey: ['household-findings', householdId], enabled, queryFn: () => api<{ items: Finding[]; lastRun: JobRun | null }>(`/households/${householdId}/findings`) });

export interface QualitySummary {
  areaCode: string; total: number;
  byRule: { code: string; name: string; description: string; severity: string; findings: number; households: number }[];
  byArea: { code: string; name: string; findings: number; households: number }[];
  lastRun: JobRun | null;
}

export const useQualitySummary = (areaCode?: string) =>
  useQuery({ queryKey: ['quality-summary', areaCode], queryFn: () => api<QualitySummary>('/quality/summary', { query: { areaCode } }), placeholderData: keepPreviousData });

export const useFindings = (f: { rule?: string; areaCode?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['quality-findings', f], placeholderData: keepPreviousData,
    queryFn: () => api<{ total: number; page: number; pageSize: number; items: Finding[] }>('/quality/findings', { query: { ...f } }),
  });

export function useRunChecks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ found: number; opened: number; resolved: number }>('/quality/runs', { method: 'POST', body: {} }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['quality-summary'] });
      qc.invalidateQueries({ queryKey: ['quality-findings'] });
    },
  });
}

export interface FigureRow {
  code: string; name: string; unstableHouseholds: number; unstablePersons: number; marginalHouseholds: number; marginalPersons: number;
  suddenHouseholds: number; suddenPersons: number; monitoredHouseholds: number; monitoredPersons: number; underMonitoringHouseholds: number;
  eliminatedHouseholds: number; newThisYearHouseholds: number; measures: number; implementedMeasures: number; monitoredMeasures: number;
  overdueCases: number; overdueTasks: number; eliminationRate: number | null; implementationRate: number | null; policiesPerHousehold: number | null;
}
export interface Figures { areaCode: string; areaName: string; year: number; asOf: string; items: FigureRow[]; total: FigureRow }

export const useFigures = (f: { areaCode?: string; year?: number }) =>
  useQuery({ queryKey: ['monitoring-figures', f], queryFn: () => api<Figures>('/monitoring-figures', { query: { ...f } }), placeholderData: keepPreviousData });

export interface WhatIfRow {
  code: string; name: string; underMonitoringHouseholds: number; enterHouseholds: number; enterPersons: number; leaveHouseholds: number;
  leavePersons: number; alreadyWithinHouseholds: number; alreadyWithinPersons: number; withIncome: number;
}
export interface WhatIf { year: number; currentLine: number; simulatedLine: number; items: WhatIfRow[]; total: WhatIfRow }

export const useWhatIf = (f: { year: number; line: number } | null) =>
  useQuery({ queryKey: ['what-if', f], enabled: !!f, queryFn: () => api<WhatIf>('/simulations/monitoring-line', { query: { ...f! } }) });

export const fmtTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
