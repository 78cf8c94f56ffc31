/**
 * 每季度一次排序: rank departments within each class by final score; equal scores share a rank (1, 2, 2, 4).
 * 紧密型: office score combined with the 县专班 延伸评价 (weight configurable; without it, the office score alone).
 * 乡村振兴局 / 财政局 may take an external evaluation result instead of the office score.
 */
export interface RankInput {
  departmentCode: string;
  officeScore: number;
  /** 县专班 延伸评价 (0-100), for 紧密型 departments; null when not entered. */
  extensionScore?: number | null;
  /** External evaluation that replaces the office score (乡村振兴局, 财政局); null when not entered. */
  externalScore?: number | null;
}

export interface Ranked extends RankInput { finalScore: number; rank: number; basis: 'office' | 'combined' | 'external' }

const round2 = (n: number) => Math.round(n * 100) / 100;

export function finalScore(i: RankInput, extensionWeight: number): { score: number; basis: Ranked['basis'] } {
  if (i.externalScore != null) return { score: round2(i.externalScore), basis: 'external' };
  if (i.extensionScore != null && extensionWeight > 0) {
    return { score: round2(i.officeScore * (1 - extensionWeight) + i.extensionScore * extensionWeight), basis: 'combined' };
  }
  return { score: round2(i.officeScore), basis: 'office' };
}

/** Competition ranking ("1224"), highest score first; ties keep the input order for display. */
export function rankByScore(inputs: readonly RankInput[], extensionWeight = 0): Ranked[] {
  if (extensionWeight < 0 || extensionWeight > 1) throw new RangeError('extension weight must be within 0..1');
  const scored = inputs.map((i, idx) => ({ ...i, ...toFinal(i, extensionWeight), idx }));
  scored.sort((a, b) => b.finalScore - a.finalScore || a.idx - b.idx);
  let rank = 0;
  return scored.map((s, i) => {
    if (i === 0 || s.finalScore !== scored[i - 1]!.finalScore) rank = i + 1;
    const { idx: _idx, ...rest } = s;
    return { ...rest, rank };
  });
}

function toFinal(i: RankInput, w: number) {
  const f = finalScore(i, w);
  return { finalScore: f.score, basis: f.basis };
}

/**
 * Departments in the bottom `n` of their class for `m` consecutive quarters (oldest first in `history`),
 * flagged for the county-wide notice. In a class not larger than twice `n`, only its lower half counts as lagging
 * (otherwise a class of two would flag both departments every quarter).
 */
export function laggingDepartments(history: readonly Ranked[][], n = 3, m = 2): string[] {
  if (history.length < m) return [];
  const recent = history.slice(-m);
  const bottom = (ranking: readonly Ranked[]) => {
    const size = ranking.length;
    const count = Math.min(n, Math.floor(size / 2));
    return new Set(ranking.filter((r) => r.rank > size - count).map((r) => r.departmentCode));
  };
  const sets = recent.map(bottom);
  return [...sets[0]!].filter((code) => sets.every((s) => s.has(code))).sort();
}
