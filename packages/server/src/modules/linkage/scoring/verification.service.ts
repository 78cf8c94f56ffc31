/**
 * 每月一次核查: a round draws a reproducible random sample of a month's self-checks and rectifications from a
 * recorded seed (the population is recorded too); findings on sampled records change the scoring facts only:
 * a contradicted self-check counts as not carried out, a contradicted rectification takes the verified status.
 */
import { randomBytes } from 'node:crypto';
import { isFutureMonth, type Month } from '@shouwang/domain';
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import { camelRow } from '../../../db/case.js';
import { isUniqueViolation } from '../../../db/db-error.js';
import type { AuthedContext } from '../../../http/context.js';
import { badRequest, conflict, notFound } from '../../../http/errors.js';
import { writeAudit } from '../../audit/audit.writer.js';
import { monthBounds } from './monthly-score.js';
import { drawSample } from './verification.sampling.js';
import * as repo from './verification.repository.js';
import type { FindingInput, VerificationRoundInput } from './scoring.schemas.js';

export type TargetType = 'self_check' | 'rectification';
export interface SampleMember { targetType: TargetType; targetId: number; departmentCode: string }

/** The sample of a round: each kind drawn separately from the seed, self-checks first. Pure. */
export function sampleOf(seed: string, population: { selfChecks: repo.PopulationMember[]; rectifications: repo.PopulationMember[] }, counts: { selfCheckCount: number; rectificationCount: number }): SampleMember[] {
  const pick = (type: TargetType, members: repo.PopulationMember[], n: number) =>
    drawSample(members, n, `${seed}/${type}`).map((m) => ({ targetType: type, targetId: m.id, departmentCode: m.departmentCode }));
  return [...pick('self_check', population.selfChecks, counts.selfCheckCount), ...pick('rectification', population.rectifications, counts.rectificationCount)];
}

export class VerificationService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list() {
    return { items: (await repo.listRounds(this.db)).map((r) => camelRow(r)) };
  }

  async create(ctx: AuthedContext, input: VerificationRoundInput) {
    if (isFutureMonth(input.month as Month, todayOf(this.clock))) throw badRequest('不能核查未来月份', [{ field: 'month', message: '不能核查未来月份' }]);
    if (input.selfCheckCount + input.rectificationCount === 0) throw badRequest('抽查数量不能都为0', [{ field: 'selfCheckCount', message: '抽查数量不能都为0' }]);
    const seed = input.seed ?? randomBytes(8).toString('hex');
    const { start, end } = monthBounds(input.month);
    return this.db.tx(async (q) => {
      const population = {
        selfChecks: await repo.selfCheckPopulation(q, input.month),
        rectifications: await repo.rectificationPopulation(q, input.month, start, end),
      };
      if (population.selfChecks.length + population.rectifications.length === 0) {
        throw badRequest(`${input.month} 没有可抽查的自查报告或整改事项`, [{ field: 'month', message: '该月没有可抽查的自查报告或整改事项' }]);
      }
      const sample = sampleOf(seed, population, input);
      const recordedPopulation = { selfChecks: population.selfChecks.map((m) => m.id), rectifications: population.rectifications.map((m) => m.id) };
      const row = await repo.insertRound(q, { month: input.month, seed, selfCheckCount: input.selfCheckCount, rectificationCount: input.rectificationCount, population: recordedPopulation, sample, note: input.note ?? null, createdBy: ctx.user.id });
      await writeAudit(q, ctx, { action: 'verification_round.create', entityType: 'verification_round', entityId: row.id, after: { month: input.month, seed, sample } });
      return { id: Number(row.id), seed, sample };
    });
  }

  async get(id: number) {
    const round = await repo.findRound(this.db, id);
    if (!round) throw notFound();
    const sample = round.sample as SampleMember[];
    const labels = await repo.targetLabels(this.db, idsOf(sample, 'self_check'), idsOf(sample, 'rectification'));
    const findings = await repo.findingsOf(this.db, id);
    return {
      round: camelRow(round),
      sample: sample.map((m) => ({ ...m, ...(labels[m.targetType].get(m.targetId) ?? { label: '（记录已不存在）', status: null }), finding: findings.find((f) => f.target_type === m.targetType && Number(f.target_id) === m.targetId)?.verdict ?? null })),
      findings: findings.map((f) => camelRow(f)),
    };
  }

  async addFinding(ctx: AuthedContext, roundId: number, input: FindingInput) {
    const verifiedStatus = input.verifiedStatus ?? null;
    if (input.targetType === 'rectification' && !verifiedStatus) throw badRequest('核查整改事项须填写核实的整改状态', [{ field: 'verifiedStatus', message: '请选择核实的整改状态' }]);
    if (input.targetType === 'self_check' && verifiedStatus) throw badRequest('核查自查报告不填写整改状态', [{ field: 'verifiedStatus', message: '自查报告没有整改状态' }]);
    return this.db.tx(async (q) => {
      const round = await repo.findRound(q, roundId, true);
      if (!round) throw notFound();
      const member = (round.sample as SampleMember[]).find((m) => m.targetType === input.targetType && m.targetId === input.targetId);
      if (!member) throw badRequest('该记录不在本轮抽查样本中', [{ field: 'targetId', message: '该记录不在本轮抽查样本中' }]);
      try {
        const row = await repo.insertFinding(q, { roundId, departmentCode: member.departmentCode, targetType: input.targetType, targetId: input.targetId, verdict: input.verdict, verifiedStatus, note: input.note ?? null, recordedBy: ctx.user.id });
        await writeAudit(q, ctx, { action: 'verification_finding.create', entityType: 'verification_round', entityId: roundId, after: camelRow(row) });
        return { finding: camelRow(row) };
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('该记录本轮已登记核查结果', 'duplicate_finding');
        throw e;
      }
    });
  }
}

const idsOf = (sample: SampleMember[], type: TargetType) => sample.filter((m) => m.targetType === type).map((m) => m.targetId);
