/**
 * Import/export use cases (issue 3 §1, §2): templates, header preview and saved column mappings, the import jobs
 * (registry and 公安 roster), the row-level reports, and the registry's Excel export.
 *
 * An upload is spooled to a temp file during the request (size limit → 413, 0 bytes → 400), opened with the shared
 * reader (not a spreadsheet → 415, zip bomb → 413, undecodable text → 400) and its headers checked (a missing required
 * column → 400 naming it). Only then a job row is created and the request answers 202 with the job id; the rows are
 * read, validated and written by the job in this process. Progress (rows read / rows written) is kept in memory
 * while the job runs and in the job row when it ends. Writes are one transaction with the job's result and the audit
 * row; in the default atomic mode any row error means nothing is written.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  IMPORT_TEMPLATES, REGISTRY_COLUMNS, REGISTRY_FIELD_OF_KEY, can, checkHeaders, formatCell, maskIdNumber, maskPhone, normaliseHeader,
  templateExplanation, type RowError, type TemplateColumn,
} from '@shouwang/domain';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import { toSnake } from '../../db/case.js';
import type { AuthedContext } from '../../http/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.js';
import { openTabular, TabularInputError, type TabularSource } from '../../files/tabular.reader.js';
import { spoolUpload, type SpooledFile } from '../../files/upload.spool.js';
import { rowErrorsSheet, xlsxStream, type XlsxCell, type XlsxSheet } from '../../files/xlsx.writer.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { ListQuery } from '../registry/registry.schemas.js';
import * as repo from './imports.repository.js';
import { RegistryImport, writeHouseholds } from './registry.import.js';
import { RosterImport } from './roster.import.js';

export type ImportKind = repo.ImportKind;
export type ImportMode = repo.ImportMode;
export interface Upload { fileName: string; stream: NodeJS.ReadableStream }

/** Row errors kept with a job (the report); the count is always complete. */
export const MAX_STORED_ERRORS = 10_000;
/** Row errors in the job's JSON answer; the rest are in the .xlsx report. */
export const ERRORS_IN_JSON = 200;
const VACUUM_AFTER_ROWS = 10_000;

const toAppError = (e: unknown): unknown => (e instanceof TabularInputError ? new AppError(e.status, e.code.toLowerCase(), e.message) : e);
const headerKeyOf = (headers: string[]) => headers.map((h) => normaliseHeader(h ?? '')).join('\t');
const iso = (d: Date | string | null) => (d == null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

interface Resolved {
  mapping: Record<string, number>;
  missing: { key: string; label: string }[];
  unknown: string[];
  warnings: string[];
  savedMapping: boolean;
}

export class ImportService {
  private readonly running = new Map<number, Promise<void>>();
  private readonly progress = new Map<number, { rowsRead: number; rowsWritten: number }>();

  constructor(private readonly db: Db, private readonly clock: Clock, readonly maxBytes: number) {}

  /** Resolves when no import job is running in this process (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  private assertKind(ctx: AuthedContext, kind: ImportKind) {
    if (kind === 'roster' && !can(ctx.user.role, 'manage', 'roster')) throw forbidden();
    if (kind === 'registry' && !can(ctx.user.role, 'create', 'import_job')) throw forbidden();
  }

  // ── templates and mappings ──────────────────────────────────────────────────────────────────────

  template(kind: ImportKind): { fileName: string; stream: Readable } {
    const t = IMPORT_TEMPLATES[kind];
    const general = kind === 'registry'
      ? [
          '每行一名家庭成员。同一户的成员填写相同的「户编号」；新增农户可不填户编号：户主行之后紧跟的成员行属于该户，导入后系统按村自动编号。',
          '户信息（所属村代码、户类型、监测信息、三保障和饮水、收入等）读取户主所在行；其他成员行可以留空或重复填写。',
          '导入只新增农户：证件号码已在系统中登记的人员、已存在的户编号会列为错误（同一人不能重复登记）。已有农户请在“农户信息”中修改。',
          '默认“全部正确才导入”：任何一行有错误，都不写入任何数据；也可选择“仅导入正确的行”，有错误的户整户不导入。',
          '代码类字段请填写中文名称（如 脱贫户、因病、户主），可选值见下表；“是/否”类字段留空视为“否”。人均纯收入由系统计算。',
          '证件号码列请设置为“文本”格式，避免 Excel 把 18 位号码变成科学计数法。',
        ]
      : [
          '每行一名人员，按证件号码（18位居民身份证号）更新或新增：已在底册中的人员按本次文件更新，其他人员新增。',
          '所属村代码须为本县已有的村；性别和出生日期由证件号码得出。',
          '默认“全部正确才导入”：任何一行有错误，都不写入任何数据。',
          '证件号码列请设置为“文本”格式。',
        ];
    const sheets: XlsxSheet[] = [
      { name: t.title.replace(/[（）()]/g, ''), columns: t.columns.map((c) => ({ header: c.label, width: c.width })), rows: [] },
      {
        name: '填写说明',
        columns: [{ header: '列名', width: 22 }, { header: '是否必填', width: 10 }, { header: '填写说明', width: 60 }, { header: '可选值', width: 80 }],
        rows: [...general.map((g, i): XlsxCell[] => [`说明${i + 1}`, '', g, '']), ...templateExplanation(t.columns)],
      },
    ];
    return { fileName: `${t.title}导入模板.xlsx`, stream: xlsxStream(sheets) };
  }

  private async resolve(kind: ImportKind, headers: string[]): Promise<Resolved> {
    const columns = IMPORT_TEMPLATES[kind].columns;
    const check = checkHeaders(columns, headers);
    const mapping = { ...check.mapping };
    const saved = await repo.findMapping(this.db, kind, headerKeyOf(headers));
    let unknown = check.unknown;
    if (saved) {
      const keys = new Set(columns.map((c) => c.key));
      for (const [header, key] of Object.entries(saved)) {
        const idx = headers.findIndex((h) => normaliseHeader(h ?? '') === normaliseHeader(header));
        if (idx < 0) continue;
        for (const [k, i] of Object.entries(mapping)) if (i === idx) delete mapping[k];
        if (keys.has(key)) mapping[key] = idx;
      }
      const mapped = new Set(Object.values(mapping));
      unknown = headers.filter((h, i) => normaliseHeader(h ?? '') && !mapped.has(i) && !(normaliseHeader(h) in saved)).map((h) => h.trim());
    }
    const missing = columns.filter((c) => c.required && !(c.key in mapping)).map((c) => ({ key: c.key, label: c.label }));
    const warnings = unknown.length ? [`以下列不在模板中，将被忽略：${unknown.join('、')}`] : [];
    if (check.duplicates.length) warnings.push(`以下列重复出现，只读取第一列：${check.duplicates.join('、')}`);
    return { mapping, missing, unknown, warnings, savedMapping: !!saved };
  }

  async listMappings(ctx: AuthedContext, kind: ImportKind) {
    this.assertKind(ctx, kind);
    const rows = await repo.listMappings(this.db, kind);
    return { items: rows.map((r) => ({ headers: r.header_key.split('\t'), mapping: r.mapping, updatedAt: iso(r.updated_at)! })) };
  }

  async saveMapping(ctx: AuthedContext, kind: ImportKind, headers: string[], mapping: Record<string, string>) {
    this.assertKind(ctx, kind);
    const columns = IMPORT_TEMPLATES[kind].columns;
    const keys = new Set(columns.map((c) => c.key));
    const norm = new Set(headers.map((h) => normaliseHeader(h)));
    const fields: { field: string; message: string }[] = [];
    for (const [header, key] of Object.entries(mapping)) {
      if (!norm.has(normaliseHeader(header))) fields.push({ field: `mapping.${header}`, message: `文件中没有「${header}」这一列` });
      else if (key !== '' && !keys.has(key)) fields.push({ field: `mapping.${header}`, message: `「${key}」不是模板中的列` });
    }
    const targets = Object.values(mapping).filter(Boolean);
    const dup = targets.find((k, i) => targets.indexOf(k) !== i);
    if (dup) fields.push({ field: 'mapping', message: `模板列「${columns.find((c) => c.key === dup)?.label ?? dup}」对应了多个文件列` });
    if (fields.length) throw badRequest(fields[0]!.message, fields);
    await this.db.tx(async (q) => {
      await repo.saveMapping(q, kind, headerKeyOf(headers), mapping, ctx.user.id);
      await writeAudit(q, ctx, { action: 'import.mapping', entityType: 'import_column_mapping', entityId: kind, after: { headers, mapping } });
    });
    return this.resolvePublic(kind, headers);
  }

  private async resolvePublic(kind: ImportKind, headers: string[]) {
    const r = await this.resolve(kind, headers);
    const columns = IMPORT_TEMPLATES[kind].columns;
    return {
      headers,
      columns: columns.map((c) => ({ key: c.key, label: c.label, required: c.required, header: r.mapping[c.key] === undefined ? null : headers[r.mapping[c.key]!] ?? null })),
      missing: r.missing.map((m) => m.label),
      unknown: r.unknown,
      savedMapping: r.savedMapping,
    };
  }

  // ── uploads and jobs ────────────────────────────────────────────────────────────────────────────

  private async open(upload: Upload): Promise<{ file: SpooledFile; src: TabularSource }> {
    let file: SpooledFile | undefined;
    try {
      file = await spoolUpload(upload.stream, { maxBytes: this.maxBytes });
      const src = await openTabular(createReadStream(file.path), { fileName: upload.fileName, maxBytes: this.maxBytes });
      return { file, src };
    } catch (e) {
      await file?.remove();
      throw toAppError(e);
    }
  }

  /** The headers of a file and how they map to the template (for the mapping screen); nothing is imported. */
  async preview(ctx: AuthedContext, kind: ImportKind, upload: Upload) {
    this.assertKind(ctx, kind);
    const { file, src } = await this.open(upload);
    try {
      return { format: src.format, encoding: src.encoding, ...(await this.resolvePublic(kind, src.headers)) };
    } finally {
      await file.remove();
    }
  }

  async start(ctx: AuthedContext, kind: ImportKind, upload: Upload, mode: ImportMode): Promise<{ id: number }> {
    this.assertKind(ctx, kind);
    const { file, src } = await this.open(upload);
    let started = false;
    try {
      if (!src.headers.some((h) => normaliseHeader(h ?? ''))) throw badRequest('未找到表头：第 1 行应为列名（可下载模板查看）', [{ field: 'file', message: '第 1 行应为列名' }]);
      const r = await this.resolve(kind, src.headers);
      if (r.missing.length) {
        const msgs = r.missing.map((m) => `缺少必填列「${m.label}」`);
        const e = new AppError(400, 'missing_columns', `${msgs.join('；')}。可下载模板核对列名，或设置列对应关系后重新上传`, r.missing.map((m, i) => ({ field: `columns.${m.key}`, message: msgs[i]! })));
        throw e;
      }
      const id = await repo.insertJob(this.db, {
        kind, mode, fileName: upload.fileName.slice(0, 200), fileFormat: src.format, fileBytes: file.bytes, areaCode: ctx.user.areaCode, createdBy: ctx.user.id, warnings: r.warnings,
      });
      this.progress.set(id, { rowsRead: 0, rowsWritten: 0 });
      const run = (kind === 'registry' ? this.runRegistry(ctx, id, upload.fileName, src, r.mapping, mode) : this.runRoster(ctx, id, upload.fileName, src, r.mapping, mode))
        .finally(async () => {
          this.running.delete(id);
          this.progress.delete(id);
          await file.remove();
        });
      this.running.set(id, run.catch(() => undefined));
      started = true;
      return { id };
    } finally {
      if (!started) await file.remove();
    }
  }

  private async fail(ctx: AuthedContext, id: number, kind: ImportKind, fileName: string, rowsRead: number, e: unknown) {
    const message = e instanceof TabularInputError || e instanceof AppError ? e.message : '导入失败：文件读取或写入时出错，未导入任何数据';
    await this.db.tx(async (q) => {
      await repo.finishJob(q, id, { status: 'failed', rowsRead, rowsWritten: 0, householdsWritten: 0, errorCount: 0, errors: [], message });
      await writeAudit(q, ctx, { action: `import.${kind}`, entityType: 'import_job', entityId: id, after: { fileName, status: 'failed', message } });
    }).catch(() => undefined);
  }

  private async readAll(id: number, src: TabularSource, consume: (b: Parameters<RegistryImport['consume']>[0]) => void, count: () => number) {
    let lastSaved = 0;
    for await (const batch of src.rows) {
      consume(batch);
      const p = this.progress.get(id);
      if (p) p.rowsRead = count();
      if (count() - lastSaved >= 20_000) { lastSaved = count(); await repo.updateJobProgress(this.db, id, lastSaved); }
    }
  }

  private async runRegistry(ctx: AuthedContext, id: number, fileName: string, src: TabularSource, mapping: Record<string, number>, mode: ImportMode) {
    let rowsRead = 0;
    try {
      const imp = new RegistryImport(mapping, ctx.user, await repo.villages(this.db), todayOf(this.clock));
      await this.readAll(id, src, (b) => imp.consume(b), () => (rowsRead = imp.rowsRead));
      const { write, result } = await imp.finish(this.db, mode);
      const failed = result.rowsRead === 0 || (mode === 'atomic' && result.errorCount > 0) || write.length === 0;
      const message = result.rowsRead === 0 ? '文件中没有数据行'
        : failed ? `发现 ${result.errorCount} 处错误，未导入任何数据。请按错误报告修改后重新上传${mode === 'atomic' ? '，或选择“仅导入正确的行”' : ''}`
        : `已导入 ${result.households} 户 ${result.persons} 人${result.errorCount ? `；${result.errorCount} 处错误涉及的行未导入` : ''}`;
      await this.db.tx(async (q) => {
        if (!failed) await writeHouseholds(q, write, ctx.user, id, (n) => { const p = this.progress.get(id); if (p) p.rowsWritten = n; });
        await repo.finishJob(q, id, {
          status: failed ? 'failed' : 'succeeded', rowsRead: result.rowsRead, rowsWritten: failed ? 0 : result.persons, householdsWritten: failed ? 0 : result.households,
          errorCount: result.errorCount, errors: result.errors.slice(0, MAX_STORED_ERRORS), message,
        });
        await writeAudit(q, ctx, {
          action: 'import.registry', entityType: 'import_job', entityId: id,
          after: { fileName, mode, status: failed ? 'failed' : 'succeeded', rowsRead: result.rowsRead, households: failed ? 0 : result.households, persons: failed ? 0 : result.persons, errors: result.errorCount },
        });
      });
      if (!failed && result.persons >= VACUUM_AFTER_ROWS) await this.vacuum(['household', 'person', 'household_income', 'household_history']);
    } catch (e) {
      await this.fail(ctx, id, 'registry', fileName, rowsRead, e);
    }
  }

  private async runRoster(ctx: AuthedContext, id: number, fileName: string, src: TabularSource, mapping: Record<string, number>, mode: ImportMode) {
    let rowsRead = 0;
    try {
      const imp = new RosterImport(mapping, ctx.user, await repo.villages(this.db), todayOf(this.clock));
      await this.readAll(id, src, (b) => imp.consume(b), () => (rowsRead = imp.rowsRead));
      const rows = imp.rowsToWrite(mode);
      const errorCount = imp.errors.length;
      const failed = imp.rowsRead === 0 || rows.length === 0;
      imp.errors.sort((a, b) => a.row - b.row);
      await this.db.tx(async (q) => {
        const res = failed ? { inserted: 0, updated: 0 } : await repo.upsertRoster(q, rows, id);
        const message = imp.rowsRead === 0 ? '文件中没有数据行'
          : failed ? `发现 ${errorCount} 处错误，未导入任何数据。请按错误报告修改后重新上传${mode === 'atomic' ? '，或选择“仅导入正确的行”' : ''}`
          : `已导入 ${rows.length} 人（新增 ${res.inserted} 人，更新 ${res.updated} 人）${errorCount ? `；${errorCount} 处错误涉及的行未导入` : ''}`;
        await repo.finishJob(q, id, { status: failed ? 'failed' : 'succeeded', rowsRead: imp.rowsRead, rowsWritten: rows.length, householdsWritten: 0, errorCount, errors: imp.errors.slice(0, MAX_STORED_ERRORS), message });
        await writeAudit(q, ctx, { action: 'import.roster', entityType: 'import_job', entityId: id, after: { fileName, mode, status: failed ? 'failed' : 'succeeded', rowsRead: imp.rowsRead, inserted: res.inserted, updated: res.updated, errors: errorCount } });
      });
      const p = this.progress.get(id);
      if (p) p.rowsWritten = rows.length;
      if (!failed && rows.length >= VACUUM_AFTER_ROWS) await this.vacuum(['roster_person']);
    } catch (e) {
      await this.fail(ctx, id, 'roster', fileName, rowsRead, e);
    }
  }

  /** Fresh planner statistics after a large import; outside the transaction, and never fatal. */
  private async vacuum(tables: string[]) {
    for (const t of tables) await this.db.query(`VACUUM ANALYZE ${t}`).catch(() => this.db.query(`ANALYZE ${t}`).catch(() => undefined));
  }

  private async visibleJob(ctx: AuthedContext, id: number) {
    const job = await repo.findJob(this.db, id, ctx.user, ctx.user.role === 'county_office');
    if (!job) throw notFound();
    if (job.kind === 'roster' && !can(ctx.user.role, 'read', 'roster')) throw notFound();
    return job;
  }

  private present(j: repo.ImportJobRow, withErrors: boolean) {
    const live = this.progress.get(Number(j.id));
    return {
      id: Number(j.id), kind: j.kind, mode: j.mode, status: j.status, fileName: j.file_name, fileFormat: j.file_format, fileBytes: Number(j.file_bytes),
      rowsRead: live?.rowsRead ?? Number(j.rows_read), rowsWritten: live?.rowsWritten ?? Number(j.rows_written), householdsWritten: Number(j.households_written),
      errorCount: Number(j.error_count), message: j.message, warnings: j.warnings ?? [], createdBy: j.created_by_name,
      createdAt: iso(j.created_at)!, finishedAt: iso(j.finished_at),
      ...(withErrors ? { errors: (j.errors ?? []).slice(0, ERRORS_IN_JSON), errorsTruncated: Number(j.error_count) > ERRORS_IN_JSON } : {}),
    };
  }

  async get(ctx: AuthedContext, id: number) {
    return this.present(await this.visibleJob(ctx, id), true);
  }

  async list(ctx: AuthedContext, kind: ImportKind | undefined) {
    if (kind === 'roster' && !can(ctx.user.role, 'read', 'roster')) throw forbidden();
    const rows = await repo.listJobs(this.db, ctx.user, ctx.user.role === 'county_office', kind, 20);
    return { items: rows.filter((j) => j.kind !== 'roster' || can(ctx.user.role, 'read', 'roster')).map((j) => this.present(j, false)) };
  }

  /** The row-level report as .xlsx (the stored errors; the count is complete). */
  async report(ctx: AuthedContext, id: number): Promise<{ fileName: string; stream: Readable }> {
    const job = await this.visibleJob(ctx, id);
    const errors: RowError[] = job.errors ?? [];
    const summary: XlsxSheet = {
      name: '导入结果',
      columns: [{ header: '项目', width: 16 }, { header: '内容', width: 80 }],
      rows: [
        ['文件', job.file_name], ['结果', job.status === 'succeeded' ? '成功' : job.status === 'failed' ? '失败' : '进行中'], ['说明', job.message ?? ''],
        ['读取行数', Number(job.rows_read)], ['写入人数', Number(job.rows_written)], ['错误数', Number(job.error_count)],
        ...(Number(job.error_count) > errors.length ? [['提示', `错误较多，本报告列出前 ${errors.length} 处`] as XlsxCell[]] : []),
      ],
    };
    return { fileName: `导入错误报告-${id}.xlsx`, stream: xlsxStream([rowErrorsSheet(errors), summary]) };
  }

  async rosterSummary(ctx: AuthedContext) {
    const townships = await repo.rosterByTownship(this.db, ctx.user.areaCode);
    const [last] = await repo.listJobs(this.db, ctx.user, true, 'roster', 1);
    return { total: townships.reduce((n, t) => n + t.persons, 0), townships, lastImport: last ? this.present(last, false) : null };
  }

  // ── export ──────────────────────────────────────────────────────────────────────────────────────

  /** The filtered household list as .xlsx, one row per person (the import template's columns); audited. */
  async exportHouseholds(ctx: AuthedContext, f: Omit<ListQuery, 'page' | 'pageSize'>): Promise<{ fileName: string; stream: Readable; masked: boolean }> {
    const filters: ListQuery = { ...f, page: 1, pageSize: 1 };
    const masked = !can(ctx.user.role, 'reveal', 'person_identity');
    const total = await this.db.tx(async (q) => {
      const n = await repo.countForExport(q, ctx.user, filters);
      await writeAudit(q, ctx, { action: 'household.export', entityType: 'household', after: { filters: f, households: n, masked, format: 'xlsx' } });
      return n;
    });
    const db = this.db;
    const user = ctx.user;
    async function* rows(): AsyncGenerator<XlsxCell[]> {
      let after: { villageCode: string; id: number } | null = null;
      for (;;) {
        const page = await repo.exportPage(db, user, filters, after, 1000);
        if (!page.length) return;
        const persons = await repo.personsOf(db, page.map((h) => Number(h.id)));
        const byHousehold = new Map<number, Record<string, any>[]>();
        for (const p of persons) {
          const k = Number(p.household_id);
          const list = byHousehold.get(k);
          if (list) list.push(p); else byHousehold.set(k, [p]);
        }
        for (const h of page) for (const p of byHousehold.get(Number(h.id)) ?? []) yield exportRow(h, p, masked);
        const last = page[page.length - 1]!;
        after = { villageCode: last.village_code, id: Number(last.id) };
      }
    }
    const today = todayOf(this.clock);
    const notes: XlsxCell[][] = [
      ['导出时间', today], ['导出人', `${ctx.user.displayName}（${ctx.user.username}）`], ['农户数', total],
      ['证件号码和联系电话', masked ? '已脱敏（当前角色无权查看完整号码）；脱敏文件不能用于导入' : '完整号码（未脱敏），请妥善保管，勿外传'],
      ['筛选条件', JSON.stringify(f)],
      ['说明', '每行一名家庭成员，户信息在每名成员行重复；可按导入模板格式直接导入到空县区'],
    ];
    const stream = xlsxStream([
      { name: '农户和家庭成员', columns: REGISTRY_COLUMNS.map((c) => ({ header: c.label, width: c.width })), rows: rows() },
      { name: '说明', columns: [{ header: '项目', width: 20 }, { header: '内容', width: 80 }], rows: notes },
    ]);
    return { fileName: `农户信息-${today}${masked ? '-脱敏' : ''}.xlsx`, stream, masked };
  }
}

const PERSON_FIELD_OF = (key: string) => REGISTRY_FIELD_OF_KEY[key] ?? key;

function exportValue(c: TemplateColumn, h: Record<string, any>, p: Record<string, any>): unknown {
  switch (c.key) {
    case 'householdNo': return h.household_no;
    case 'townshipName': return h.township_name;
    case 'villageName': return h.village_name;
    case 'incomeYear': return h.i_year;
    case 'perCapitaNetIncome': return h.i_per_capita_net_income ?? h.per_capita_net_income;
    case 'sex': return p.sex === 'male' ? '男' : p.sex === 'female' ? '女' : null;
    case 'birthDate': return p.birth_date;
    case 'disabilityCategory': return p.disability_category == null ? null : String(p.disability_category);
    case 'disabilityGrade': return p.disability_grade == null ? null : String(p.disability_grade);
  }
  if (c.scope === 'household') return h[toSnake(c.key)];
  if (c.scope === 'income') return h.i_year == null ? null : h[`i_${toSnake(c.key)}`];
  if (c.scope === 'person') return p[toSnake(PERSON_FIELD_OF(c.key))];
  return null;
}

function exportRow(h: Record<string, any>, p: Record<string, any>, masked: boolean): XlsxCell[] {
  return REGISTRY_COLUMNS.map((c) => {
    let v = exportValue(c, h, p);
    if (masked && c.key === 'idNumber') v = maskIdNumber(v as string);
    if (masked && c.key === 'phone') v = maskPhone(v as string | null);
    return c.kind === 'ignored' ? (v as XlsxCell) ?? null : formatCell(c, v);
  });
}
