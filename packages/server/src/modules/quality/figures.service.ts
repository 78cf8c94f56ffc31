/**
 * 监测统计 (figures of domain.md §10 for monitoring and assistance) and 监测线模拟 (the what-if sandbox).
 * Both read only; the simulation runs in a READ ONLY transaction so it cannot change anything.
 */
import {
  DEFAULT_DEADLINE_CONFIG, DEFAULT_MONITORING_LINES, areaRange, checkSimulatedLine, identificationDueOn, monitoringLineFor, monitoringRates,
} from '@shouwang/domain';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { householdScopeSql, areaInScope } from '../../http/scope.js';
import { SqlParams } from '../../db/sql-params.js';
import { badRequest, notFound } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { xlsxStream } from '../../files/xlsx.writer.js';

export interface FigureRow {
  code: string;
  name: string;
  unstableHouseholds: number; unstablePersons: number;
  marginalHouseholds: number; marginalPersons: number;
  suddenHouseholds: number; suddenPersons: number;
  monitoredHouseholds: number; monitoredPersons: number;
  underMonitoringHouseholds: number;
  eliminatedHouseholds: number;
  newThisYearHouseholds: number;
  measures: number; implementedMeasures: number; monitoredMeasures: number;
  overdueCases: number; overdueTasks: number;
  eliminationRate: number | null; implementationRate: number | null; policiesPerHousehold: number | null;
}

export interface WhatIfRow {
  code: string; name: string;
  underMonitoringHouseholds: number;
  enterHouseholds: number; enterPersons: number;
  leaveHouseholds: number; leavePersons: number;
  alreadyWithinHouseholds: number; alreadyWithinPersons: number;
  withIncome: number;
}

const n = (v: unknown) => Number(v ?? 0);

export class FiguresService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  private checkArea(ctx: AuthedContext, areaCode: string | undefined) {
    const area = areaCode ?? ctx.user.areaCode;
    if (!areaInScope(ctx.user, area)) throw notFound('区域不存在或不在您的管辖范围内');
    return area;
  }

  /** Figures by the area's children (county → townships, township → villages), with totals and rates. */
  async figures(ctx: AuthedContext, o: { areaCode?: string; year?: number }) {
    const today = todayOf(this.clock);
    const year = o.year ?? Number(today.slice(0, 4));
    const area = this.checkArea(ctx, o.areaCode);
    const childLen = area.length <= 6 ? 9 : 12;
    const p = new SqlParams();
    const r = areaRange(area);
    const scope = `${householdScopeSql(ctx.user, p)} AND h.village_code >= ${p.add(r.from)} AND h.village_code < ${p.add(r.to)}`;
    const y = p.add(year);
    const today$ = p.add(today);
    const rows = await this.db.query(
      `SELECT substr(h.village_code, 1, ${childLen}) AS code,
              count(*) FILTER (WHERE h.monitor_category = 'unstable')::int AS unstable_h, COALESCE(sum(h.member_count) FILTER (WHERE h.monitor_category = 'unstable'), 0)::int AS unstable_p,
              count(*) FILTER (WHERE h.monitor_category = 'marginal')::int AS marginal_h, COALESCE(sum(h.member_count) FILTER (WHERE h.monitor_category = 'marginal'), 0)::int AS marginal_p,
              count(*) FILTER (WHERE h.monitor_category = 'sudden')::int AS sudden_h, COALESCE(sum(h.member_count) FILTER (WHERE h.monitor_category = 'sudden'), 0)::int AS sudden_p,
              count(*) FILTER (WHERE NOT h.risk_eliminated)::int AS under_h,
              count(*) FILTER (WHERE h.risk_eliminated)::int AS eliminated_h,
              count(*) FILTER (WHERE extract(year FROM h.monitor_identified_on) = ${y})::int AS new_h,
              COALESCE(sum(m.measures), 0)::int AS measures, COALESCE(sum(m.implemented), 0)::int AS implemented,
              COALESCE(sum(m.measures) FILTER (WHERE NOT h.risk_eliminated), 0)::int AS monitored_measures,
              COALESCE(sum(t.overdue), 0)::int AS overdue_tasks
         FROM household h
         LEFT JOIN (SELECT household_id, count(*) FILTER (WHERE status <> 'cancelled') AS measures, count(*) FILTER (WHERE status = 'implemented') AS implemented
                      FROM help_measure GROUP BY household_id) m ON m.household_id = h.id
         LEFT JOIN (SELECT household_id, count(*) AS overdue FROM followup_task WHERE status = 'open' AND due_on < ${today$}::date GROUP BY household_id) t ON t.household_id = h.id
        WHERE h.monitor_category IS NOT NULL AND ${scope}
        GROUP BY 1`,
      p.values,
    );
    // open identification cases past the whole-process limit (counted from the case's opening, deadline rules of the domain)
    const pc = new SqlParams();
    const caseScope = `${householdScopeSql(ctx.user, pc)} AND h.village_code >= ${pc.add(r.from)} AND h.village_code < ${pc.add(r.to)}`;
    const cases = await this.db.query(
      `SELECT substr(c.village_code, 1, ${childLen}) AS code, to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on, count(*)::int AS n
         FROM monitoring_case c JOIN household h ON h.id = c.household_id
        WHERE c.kind = 'identification' AND NOT c.terminal AND ${caseScope}
        GROUP BY 1, 2`,
      pc.values,
    );
    const overdue = new Map<string, number>();
    for (const c of cases) if (identificationDueOn(c.opened_on, DEFAULT_DEADLINE_CONFIG) < today) overdue.set(c.code, (overdue.get(c.code) ?? 0) + n(c.n));
    const codes = [...new Set([...rows.map((x) => x.code as string), ...overdue.keys()])];
    const names = new Map((await this.db.query(`SELECT code, name FROM area WHERE code = ANY($1::text[]) OR code = $2`, [codes, area])).map((a) => [a.code, a.name]));
    const build = (code: string, name: string, x: Record<string, any> | undefined, overdueCases: number): FigureRow => {
      const identified = n(x?.unstable_h) + n(x?.marginal_h) + n(x?.sudden_h);
      const row = {
        code, name,
        unstableHouseholds: n(x?.unstable_h), unstablePersons: n(x?.unstable_p),
        marginalHouseholds: n(x?.marginal_h), marginalPersons: n(x?.marginal_p),
        suddenHouseholds: n(x?.sudden_h), suddenPersons: n(x?.sudden_p),
        monitoredHouseholds: identified, monitoredPersons: n(x?.unstable_p) + n(x?.marginal_p) + n(x?.sudden_p),
        underMonitoringHouseholds: n(x?.under_h), eliminatedHouseholds: n(x?.eliminated_h), newThisYearHouseholds: n(x?.new_h),
        measures: n(x?.measures), implementedMeasures: n(x?.implemented), monitoredMeasures: n(x?.monitored_measures),
        overdueCases, overdueTasks: n(x?.overdue_tasks),
      };
      return {
        ...row,
        ...monitoringRates({ identified, eliminated: row.eliminatedHouseholds, measures: row.measures, implementedMeasures: row.implementedMeasures,
          monitoredHouseholds: row.underMonitoringHouseholds, monitoredMeasures: row.monitoredMeasures }),
      };
    };
    const items = codes.sort().map((code) => build(code, names.get(code) ?? code, rows.find((x) => x.code === code), overdue.get(code) ?? 0));
    const sum = (k: keyof FigureRow) => items.reduce((s, x) => s + (x[k] as number), 0);
    const totalRaw = {
      unstable_h: sum('unstableHouseholds'), unstable_p: sum('unstablePersons'), marginal_h: sum('marginalHouseholds'), marginal_p: sum('marginalPersons'),
      sudden_h: sum('suddenHouseholds'), sudden_p: sum('suddenPersons'), under_h: sum('underMonitoringHouseholds'), eliminated_h: sum('eliminatedHouseholds'),
      new_h: sum('newThisYearHouseholds'), measures: sum('measures'), implemented: sum('implementedMeasures'), monitored_measures: sum('monitoredMeasures'),
      overdue_tasks: sum('overdueTasks'),
    };
    const total = build(area, names.get(area) ?? area, totalRaw, sum('overdueCases'));
    return { areaCode: area, areaName: names.get(area) ?? area, year, asOf: today, items, total };
  }

  /** The figures as an .xlsx (audited export). */
  async figuresWorkbook(ctx: AuthedContext, o: { areaCode?: string; year?: number }): Promise<{ fileName: string; data: Readable }> {
    const f = await this.figures(ctx, o);
    await this.db.tx((q) => writeAudit(q, ctx, { action: 'monitoring_figures.export', entityType: 'area', entityId: f.areaCode, after: { year: f.year } }));
    const headers = ['区域', '脱贫不稳定户(户)', '脱贫不稳定户(人)', '边缘易致贫户(户)', '边缘易致贫户(人)', '突发严重困难户(户)', '突发严重困难户(人)',
      '监测户合计(户)', '监测人口合计(人)', '未消除风险(户)', '已消除风险(户)', `${f.year}年新识别(户)`, '风险消除率(%)', '帮扶措施(项)', '已落实(项)',
      '帮扶措施落实率(%)', '户均享受政策数', '识别逾期(件)', '月度任务逾期(件)'];
    const line = (x: FigureRow) => [x.name, x.unstableHouseholds, x.unstablePersons, x.marginalHouseholds, x.marginalPersons, x.suddenHouseholds, x.suddenPersons,
      x.monitoredHouseholds, x.monitoredPersons, x.underMonitoringHouseholds, x.eliminatedHouseholds, x.newThisYearHouseholds, x.eliminationRate, x.measures,
      x.implementedMeasures, x.implementationRate, x.policiesPerHousehold, x.overdueCases, x.overdueTasks];
    const data = xlsxStream([{
      name: '监测统计',
      columns: headers.map((h, i) => ({ header: h, width: i === 0 ? 18 : undefined })),
      rows: [...f.items.map(line), [`合计（${f.areaName}）`, ...line(f.total).slice(1)]],
    }]);
    return { fileName: `监测统计_${f.areaName}_${f.asOf}.xlsx`, data };
  }

  /** 监测线模拟 by township: who would enter or leave the monitoring range if the year's line were `line`. */
  async whatIf(ctx: AuthedContext, o: { year: number; line: number }) {
    const msg = checkSimulatedLine(o.line);
    if (msg) throw badRequest(msg, [{ field: 'line', message: msg }]);
    const current = monitoringLineFor(o.year, DEFAULT_MONITORING_LINES);
    if (current == null) throw badRequest(`${o.year}年没有配置监测线，无法模拟`, [{ field: 'year', message: '该年度没有监测线' }]);
    return this.db.tx(async (q) => {
      await q.query('SET TRANSACTION READ ONLY');
      const p = new SqlParams();
      const cur = p.add(current);
      const nl = p.add(o.line);
      const rows = await q.query(
        `SELECT substr(x.village_code, 1, 9) AS code,
                count(*) FILTER (WHERE x.under)::int AS under_h,
                count(*) FILTER (WHERE x.move = 'enter')::int AS enter_h, COALESCE(sum(x.members) FILTER (WHERE x.move = 'enter'), 0)::int AS enter_p,
                count(*) FILTER (WHERE x.move = 'leave')::int AS leave_h, COALESCE(sum(x.members) FILTER (WHERE x.move = 'leave'), 0)::int AS leave_p,
                count(*) FILTER (WHERE x.move = 'already_within')::int AS within_h, COALESCE(sum(x.members) FILTER (WHERE x.move = 'already_within'), 0)::int AS within_p,
                count(*)::int AS with_income
           FROM (SELECT h.village_code, hi.member_count AS members, (h.monitor_category IS NOT NULL AND NOT h.risk_eliminated) AS under,
                        CASE WHEN h.monitor_category IS NOT NULL AND NOT h.risk_eliminated
                               THEN CASE WHEN hi.per_capita_net_income <= ${cur} AND hi.per_capita_net_income > ${nl} THEN 'leave' END
                             WHEN hi.per_capita_net_income <= ${cur} THEN 'already_within'
                             WHEN hi.per_capita_net_income <= ${nl} THEN 'enter' END AS move
                   FROM household h JOIN household_income hi ON hi.household_id = h.id AND hi.year = ${p.add(o.year)}
                  WHERE ${householdScopeSql(ctx.user, p)}) x
          GROUP BY 1 ORDER BY 1`,
        p.values,
      );
      const names = new Map((await q.query(`SELECT code, name FROM area WHERE code = ANY($1::text[])`, [rows.map((x) => x.code)])).map((a) => [a.code, a.name]));
      const items: WhatIfRow[] = rows.map((x) => ({
        code: x.code, name: names.get(x.code) ?? x.code, underMonitoringHouseholds: n(x.under_h),
        enterHouseholds: n(x.enter_h), enterPersons: n(x.enter_p), leaveHouseholds: n(x.leave_h), leavePersons: n(x.leave_p),
        alreadyWithinHouseholds: n(x.within_h), alreadyWithinPersons: n(x.within_p), withIncome: n(x.with_income),
      }));
      const sum = (k: keyof WhatIfRow) => items.reduce((s, x) => s + (x[k] as number), 0);
      return {
        year: o.year, currentLine: current, simulatedLine: o.line, items,
        total: {
          code: ctx.user.areaCode, name: '合计', underMonitoringHouseholds: sum('underMonitoringHouseholds'), enterHouseholds: sum('enterHouseholds'),
          enterPersons: sum('enterPersons'), leaveHouseholds: sum('leaveHouseholds'), leavePersons: sum('leavePersons'),
          alreadyWithinHouseholds: sum('alreadyWithinHouseholds'), alreadyWithinPersons: sum('alreadyWithinPersons'), withIncome: sum('withIncome'),
        } satisfies WhatIfRow,
      };
    });
  }
}
