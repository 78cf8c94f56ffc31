/** API of 一码通 (public page, 农户申报, household cards) and village screening. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';

export interface PublicView {
  villageName: string;
  hardships: { value: string; label: string }[];
  reports: { submittedOn: string; hardships: string[]; description: string; photoCount: number; status: string; statusLabel: string }[];
}

export const usePublicView = (code: string) =>
  useQuery({ queryKey: ['public-self-report', code], queryFn: () => api<PublicView>(`/public/self-report/${encodeURIComponent(code)}`), retry: false });

/** Submit the farmer's report as multipart (fields + up to 3 photos). */
export async function submitSelfReport(code: string, v: { hardships: string[]; description: string; phone?: string; photos: File[] }) {
  const fd = new FormData();
  for (const h of v.hardships) fd.append('hardships', h);
  fd.append('description', v.description);
  if (v.phone) fd.append('phone', v.phone);
  for (const p of v.photos) fd.append('photos', p, p.name);
  let res: Response;
  try {
    res = await fetch(`/api/public/self-report/${encodeURIComponent(code)}`, { method: 'POST', body: fd, headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? (res.status === 413 ? '照片太大了，请换一张小一点的照片' : '提交失败，请稍后再试'), e?.fields ?? []);
  }
  return body as { submittedOn: string; status: string; statusLabel: string };
}

export interface HouseholdCard {
  householdId: number;
  householdNo: string;
  code: string;
  url: string;
  qrDataUrl: string;
  villageName: string;
  townshipName: string | null;
  headName: string;
  helperName: string | null;
  monitorContact: string | null;
  villageContacts: string[];
  text: { title: string; intro: string; whatToReport: string[]; howToReport: string[]; hotline: string; promise: string };
}

export const useHouseholdCard = (id: number) => useQuery({ queryKey: ['household-card', id], queryFn: () => api<HouseholdCard>(`/households/${id}/card`) });
export const useVillageCards = (village: string | undefined) =>
  useQuery({ queryKey: ['household-cards', village], queryFn: () => api<{ villageCode: string; villageName: string; items: HouseholdCard[] }>('/household-cards', { query: { village } }), enabled: !!village });

export interface SelfReportItem {
  id: number; submittedAt: string; villageCode: string; villageName: string; townshipName: string | null; householdId: number; householdNo: string;
  headName: string | null; hardships: string[]; description: string; phone: string | null; photoCount: number; warningId: number; warningState: string;
  warningStateLabel: string; statusLabel: string;
}
export interface Paged<T> { total: number; page: number; pageSize: number; items: T[] }

export const useSelfReports = (q: { area?: string; status?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: ['self-reports', q], queryFn: () => api<Paged<SelfReportItem>>('/self-reports', { query: q }), placeholderData: keepPreviousData });

// ── screening ────────────────────────────────────────────────────────────

export interface Round {
  id: number; kind: 'monthly' | 'campaign'; kindLabel: string; countyCode: string; name: string; month: string | null; startsOn: string; endsOn: string;
  note: string | null; phase: 'upcoming' | 'open' | 'finished'; phaseLabel: string; createdBy: string | null;
}
export interface Coverage { planned: number; visited: number; ratio: number; percent: number; riskFound: number }
export interface CoverageView { round: Round; area: { code: string; name: string; level: string }; total: Coverage; rows: (Coverage & { code: string; name: string; level: string })[] }
export interface Visit { id: number; result: 'no_risk' | 'risk_found'; resultLabel: string; riskTypes: string[]; riskTypeLabels: string[]; note: string | null; visitedOn: string; visitedBy: string | null; warningId: number | null }
export interface PlanHousehold { id: number; householdNo: string; headName: string | null; householdType: string; monitorCategory: string | null; hasOpenWarning: boolean; visit: Visit | null }

export const useRounds = (year: number) =>
  useQuery({ queryKey: ['screening-rounds', year], queryFn: () => api<{ year: number; campaigns: { count: number; required: number; met: boolean; message: string }; items: (Round & { visited: number })[] }>('/screening/rounds', { query: { year } }) });

export const useCoverage = (roundId: number, area?: string) =>
  useQuery({ queryKey: ['screening-coverage', roundId, area], queryFn: () => api<CoverageView>('/screening/coverage', { query: { roundId, area } }), placeholderData: keepPreviousData });

export const usePlan = (roundId: number, q: { village: string; status?: string; q?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['screening-plan', roundId, q],
    queryFn: () => api<Paged<PlanHousehold> & { round: Round; village: { code: string; name: string } }>(`/screening/rounds/${roundId}/households`, { query: q }),
    placeholderData: keepPreviousData,
  });

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; startsOn: string; endsOn: string; note?: string }) => api<Round>('/screening/rounds', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['screening-rounds'] }),
  });
}

export function useRecordVisit(roundId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { householdId: number; result: 'no_risk' | 'risk_found'; riskTypes: string[]; note?: string }) =>
      api<{ id: number; warningId: number | null }>(`/screening/rounds/${roundId}/visits`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['screening-plan', roundId] });
      void qc.invalidateQueries({ queryKey: ['screening-coverage', roundId] });
    },
  });
}
