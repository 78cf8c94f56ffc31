/**
 * 比对规则 as data: the rules are seeded from the domain defaults on first use (idempotent), read by everyone with
 * `comparison_rule:read`, and edited by the county office — every edit is validated by the domain (`validateRule`)
 * and stored as a NEW version row; earlier versions stay (runs name the versions they used).
 *
 * `active` is stored with each version: switching a rule on or off is a change like any other (a new version), so the
 * history shows who stopped a rule and when.
 */
import {
  DEFAULT_COMPARISON_RULES, nextVersion, RULE_FAMILY_LABELS, sameRuleContent, validateRule,
  type ComparisonRule, type RuleFamily, type SubjectGroup,
} from '@shouwang/domain';
import type { Db, Queryable } from '../../db/db.js';
import type { AuthedContext } from '../../http/context.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import * as repo from './comparison.repository.js';
import type { RuleEditBody } from './comparison.schemas.js';

export interface PresentedRule {
  id: number;
  code: string;
  version: number;
  family: RuleFamily;
  familyLabel: string;
  departmentCode: string;
  label: string;
  appliesTo: string[];
  condition: unknown;
  thresholds: Record<string, Partial<Record<string, number>>>;
  output: { kind: 'risk_clue'; riskTypes: string[] } | { kind: 'suspected_problem' };
  active: boolean;
  changeReason: string | null;
  createdByName: string | null;
  createdAt: string;
}

export function presentRule(r: repo.RuleRow): PresentedRule {
  return {
    id: Number(r.id), code: r.code, version: Number(r.version), family: r.family, familyLabel: RULE_FAMILY_LABELS[r.family] ?? r.family,
    departmentCode: r.department_code, label: r.label, appliesTo: r.applies_to, condition: r.condition,
    thresholds: (r.thresholds ?? {}) as PresentedRule['thresholds'], output: r.output as PresentedRule['output'], active: r.active,
    changeReason: r.change_reason, createdByName: r.created_by_name,
    createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  };
}

export class ComparisonRuleService {
  private seeded: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** Insert the default rules whose code is not stored yet (safe to run any number of times). */
  ensureSeeded(): Promise<void> {
    this.seeded ??= this.db.tx(async (q) => {
      const have = await repo.ruleCodes(q);
      for (const r of DEFAULT_COMPARISON_RULES) {
        if (!have.has(r.code)) await repo.insertRule(q, r, { active: true, changeReason: '系统默认规则', createdBy: null, createdByName: '系统' });
      }
    }).catch((e) => {
      this.seeded = null;
      throw e;
    });
    return this.seeded;
  }

  async list(): Promise<{ items: (PresentedRule & { versionCount: number })[] }> {
    await this.ensureSeeded();
    const rows = await repo.currentRules(this.db);
    return { items: rows.map((r) => ({ ...presentRule(r), versionCount: Number(r.version_count) })) };
  }

  async history(code: string): Promise<{ items: PresentedRule[] }> {
    await this.ensureSeeded();
    const rows = await repo.ruleVersions(this.db, code);
    if (rows.length === 0) throw notFound('比对规则不存在');
    return { items: rows.map(presentRule) };
  }

  /** The active current versions of a family (what a run evaluates). Call `ensureSeeded` first, outside any transaction. */
  async activeRules(q: Queryable, family: RuleFamily): Promise<repo.RuleRow[]> {
    return (await repo.currentRules(q, family)).filter((r) => r.active);
  }

  async update(ctx: AuthedContext, code: string, body: RuleEditBody): Promise<PresentedRule> {
    await this.ensureSeeded();
    return this.db.tx(async (q) => {
      const latest = await repo.lockRule(q, code);
      if (!latest) throw notFound('比对规则不存在');
      if (latest.version !== body.baseVersion) throw conflict(`该规则已被他人修改为 v${latest.version}，请刷新后再编辑`, 'stale_version');
      const previous = repo.toRule(latest);
      const edited: ComparisonRule = {
        ...previous,
        label: body.label.trim(),
        appliesTo: body.appliesTo as SubjectGroup[],
        thresholds: body.thresholds,
        output: body.output.kind === 'risk_clue' ? { kind: 'risk_clue', riskTypes: body.output.riskTypes ?? [] } : { kind: 'suspected_problem' },
        condition: (body.condition ?? previous.condition) as ComparisonRule['condition'],
      };
      const contentChanged = !sameRuleContent(previous, edited);
      if (!contentChanged && body.active === latest.active) throw badRequest('规则内容未修改，无需保存', [{ field: 'label', message: '规则内容未修改' }]);
      // A content change gets the domain's next version; switching active alone also gets a new version row.
      const version = contentChanged ? nextVersion(previous, edited) : previous.version + 1;
      const candidate = { ...edited, version };
      const errors = validateRule(candidate, { departmentCodes: await repo.departmentCodes(q), ...(contentChanged ? { previous } : {}) });
      if (errors.length) throw badRequest(`规则无效：${errors.join('；')}`, errors.map((m) => ({ field: fieldOf(m), message: m })));
      const row = await repo.insertRule(q, candidate, { active: body.active, changeReason: body.changeReason.trim(), createdBy: ctx.user.id, createdByName: ctx.user.displayName });
      if (!row) throw conflict('该规则已被他人修改，请刷新后再编辑', 'stale_version');
      await writeAudit(q, ctx, {
        action: 'comparison_rule.update', entityType: 'comparison_rule', entityId: code,
        before: { ...previous, active: latest.active }, after: { ...candidate, active: body.active, changeReason: body.changeReason.trim() },
      });
      return presentRule(row);
    });
  }
}

/** The form field a validateRule message is about (so the page shows it on the right control). */
function fieldOf(message: string): string {
  if (message.includes('阈值')) return 'thresholds';
  if (message.includes('适用对象')) return 'appliesTo';
  if (message.includes('风险类型') || message.includes('输出')) return 'output';
  if (message.includes('名称')) return 'label';
  if (message.includes('部门')) return 'departmentCode';
  return 'condition';
}
