/**
 * 信息比对 runs. The upload request spools the file to a temp file (SHA-256 and size on the way), opens it with the
 * shared reader, checks the header row against the family's columns and records the run (status 排队中) — bad input
 * answers 400/403/413/415 and writes nothing. The run itself executes afterwards, one at a time in this process:
 *
 * 1. load the subject maps once (registry persons and the 公安 roster within the uploader's area; chunked, yielding);
 * 2. stream the rows through the engine (match, duplicate check, every active rule of the family) — nothing written;
 * 3. in ONE transaction: decide every hit (planWarnings over recorded keys and open warnings), create the new
 *    warnings with their steps and hits in bulk, attach the rest, store the row issues, complete the run, audit.
 *
 * A file that breaks half-way therefore changes nothing but the run's status (失败, with the reason). Re-running the
 * same file finds its keys recorded and creates nothing. Progress (rows read) is written every ~1 s.
 */
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  can, checkFamilyRun, checkHeaders, comparisonColumns, hitIdempotencyKey, maskIdNumber, planWarnings, RULE_FAMILY_DEPARTMENTS, RULE_FAMILY_LABELS,
  RULE_FIELDS, rowIdNumber, ruleVersionKey, SUBJECT_GROUP_LABELS, type RuleFamily, type RuleHit,
} from '@shouwang/domain';
import type { Db, Row } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import type { AuthedContext } from '../../http/context.js';
import { AppError, badRequest, notFound } from '../../http/errors.js';
import { openTabular, TabularInputError, type TabularRow, type TabularSource } from '../../files/tabular.reader.js';
import { xlsxStream } from '../../files/xlsx.writer.js';
import { writeAudit } from '../audit/audit.writer.js';
import { actorOf, nowOf } from '../workflow/workflow.store.js';
import { attachHitsBulk, createWarningsBulk, type BulkWarning } from '../warnings/warning.bulk-writer.js';
import type { NewHit } from '../warnings/warning.writer.js';
import type { ComparisonRuleService } from './comparison-rule.service.js';
import { runEngine, yieldToLoop, type EngineHit, type EngineResult, type IssueKind } from './comparison.engine.js';
import * as repo from './comparison.repository.js';
import { SubjectIndex } from './comparison.subjects.js';
import type { ListRunsQuery } from './comparison.schemas.js';

export const RUN_STATUS_LABELS = { queued: '排队中', running: '比对中', completed: '已完成', failed: '失败' } as const;
export const ISSUE_KIND_LABELS: Record<IssueKind, string> = { invalid_id: '证件号码无效', unmatched: '未匹配到人员', duplicate: '同一人重复出现', missing_data: '缺少规则所需数据' };
const DECISION_LABELS: Record<string, string> = { create: '新建预警', attach: '并入未办结预警' };

export interface UploadedFile {
  fileName: string;
  stream: Readable;
}

interface Job {
  runId: number;
  ctx: AuthedContext;
  family: RuleFamily;
  source: TabularSource;
  mapping: Record<string, number>;
  rules: repo.RuleRow[];
  fileName: string;
  fileSha256: string;
  fileSize: number;
  tmpDir: string;
}

/** Files up to this size are matched by looking up their own ID numbers instead of loading the whole area. */
export const SMALL_FILE_BYTES = 2 * 1_048_576;

const formatMb = (n: number) => `${+(n / 1_048_576).toFixed(1)} MB`;

export class ComparisonRunService {
  private queue: Promise<void> = Promise.resolve();
  private readonly live = new Set<number>();
  /** Files up to this size look up their own ID numbers; bigger ones load the area's maps (tests lower it). */
  smallFileBytes = SMALL_FILE_BYTES;
  /** Where the phase timings of each run go (the benchmark sets it); none by default. */
  phaseLog: ((line: string) => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly rules: ComparisonRuleService,
    private readonly maxBytes: number,
    private readonly tmpRoot = path.join(tmpdir(), 'shouwang-comparison'),
  ) {}

  get maxUploadBytes(): number {
    return this.maxBytes;
  }

  /** Resolves when every queued run has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** The families the user may upload, with their columns and active rules (for the upload page). */
  async families(ctx: AuthedContext) {
    await this.rules.ensureSeeded();
    const depts = new Map((await this.db.query<{ code: string; name: string }>('SELECT code, name FROM department')).map((d) => [d.code, d.name]));
    const current = await repo.currentRules(this.db);
    const families = (Object.keys(RULE_FAMILY_LABELS) as RuleFamily[]).filter((f) => checkFamilyRun(ctx.user, f).ok);
    return {
      items: families.map((f) => {
        const active = current.filter((r) => r.family === f && r.active);
        return {
          family: f, label: RULE_FAMILY_LABELS[f], departmentCode: RULE_FAMILY_DEPARTMENTS[f], departmentName: depts.get(RULE_FAMILY_DEPARTMENTS[f]) ?? null,
          columns: comparisonColumns(f, active.map(repo.toRule)).map((c) => {
            const def = RULE_FIELDS[f][c.key];
            return { key: c.key, label: c.label, required: c.required, unit: def?.unit ?? null, type: def?.type ?? 'string' };
          }),
          activeRules: active.map((r) => ({ code: r.code, version: Number(r.version), label: r.label })),
        };
      }),
    };
  }

  /** Receive the upload, check it, record the run and queue it; bad input writes nothing. */
  async start(ctx: AuthedContext, family: string, file: UploadedFile | null) {
    const check = checkFamilyRun(ctx.user, family);
    if (!check.ok) {
      file?.stream.resume();
      throw new AppError(check.status, check.status === 403 ? 'forbidden' : 'bad_request', check.message, check.status === 400 ? [{ field: 'family', message: check.message }] : undefined);
    }
    if (!file) throw badRequest('请选择要上传的比对数据文件', [{ field: 'file', message: '请选择文件' }]);
    const fam = family as RuleFamily;
    const departmentCode = RULE_FAMILY_DEPARTMENTS[fam];
    const fileName = (file.fileName || '比对数据').slice(0, 255);
    await this.rules.ensureSeeded();

    const tmpDir = path.join(this.tmpRoot, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    await mkdir(tmpDir, { recursive: true });
    let queued = false;
    try {
      const { sha256, size } = await this.spool(file.stream, path.join(tmpDir, 'upload'));
      let source: TabularSource;
      try {
        source = await openTabular(createReadStream(path.join(tmpDir, 'upload')), { fileName, maxBytes: this.maxBytes, tmpDir });
      } catch (e) {
        if (e instanceof TabularInputError) throw new AppError(e.status, e.code.toLowerCase(), e.message, [{ field: 'file', message: e.message }]);
        throw e;
      }
      if (!(await repo.departmentName(this.db, departmentCode))) {
        throw badRequest(`部门名单中没有「${RULE_FAMILY_LABELS[fam]}」数据的提供部门（${departmentCode}），请先在部门名单中添加`, [{ field: 'family', message: '提供部门不在部门名单中' }]);
      }
      const rules = await this.rules.activeRules(this.db, fam);
      if (rules.length === 0) throw badRequest(`「${RULE_FAMILY_LABELS[fam]}」没有启用的比对规则，请先在比对规则中启用`, [{ field: 'family', message: '没有启用的比对规则' }]);
      const header = checkHeaders(comparisonColumns(fam, rules.map(repo.toRule)), source.headers);
      if (!header.ok) {
        const msg = `表头不符合「${RULE_FAMILY_LABELS[fam]}」比对模板：${header.errors.join('；')}`;
        throw badRequest(msg, header.errors.map((m) => ({ field: 'file', message: m })));
      }
      const runId = await this.db.tx(async (q) => {
        if (this.live.size === 0) await repo.failAbandonedRuns(q, []);
        const id = await repo.insertRun(q, {
          family: fam, departmentCode, areaCode: ctx.user.areaCode, fileName, fileSha256: sha256, fileSize: size, fileFormat: source.format, fileEncoding: source.encoding,
          ruleVersions: rules.map((r) => ruleVersionKey({ code: r.code, version: Number(r.version) })), ruleIds: rules.map((r) => Number(r.id)),
          headerWarnings: header.warnings, createdBy: ctx.user.id, createdByName: ctx.user.displayName,
        });
        await writeAudit(q, ctx, { action: 'comparison_run.create', entityType: 'comparison_run', entityId: id, after: { family: fam, fileName, sha256, size } });
        return id;
      });
      this.live.add(runId);
      const job: Job = { runId, ctx, family: fam, source, mapping: header.mapping, rules, fileName, fileSha256: sha256, fileSize: size, tmpDir };
      this.queue = this.queue.then(() => this.execute(job));
      queued = true;
      return this.get(ctx, runId);
    } finally {
      if (!queued) await rm(tmpDir, { recursive: true, force: true });
    }
  }

  /** Stream the upload to `dest`, hashing and counting; 413 past the limit. */
  private async spool(stream: Readable, dest: string): Promise<{ sha256: string; size: number }> {
    const hash = createHash('sha256');
    let size = 0;
    const max = this.maxBytes;
    const tooLarge = () => new AppError(413, 'too_large', `文件超过上限 ${formatMb(max)}，请拆分后分批上传`, [{ field: 'file', message: '文件过大' }]);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > max) return cb(tooLarge());
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(stream, counter, createWriteStream(dest));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (e instanceof AppError) throw e;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw e;
    }
    if ((stream as { truncated?: boolean }).truncated) throw tooLarge();
    if (size === 0) throw badRequest('文件为空（0 字节），请选择填写好的表格文件', [{ field: 'file', message: '文件为空' }]);
    return { sha256: hash.digest('hex'), size };
  }

  private async execute(job: Job): Promise<void> {
    try {
      await repo.markRunning(this.db, job.runId);
      const t0 = performance.now();
      const result = await this.read(job);
      const t1 = performance.now();
      await this.write(job, result);
      this.phaseLog?.(`comparison run ${job.runId}: read ${Math.round(t1 - t0)} ms, write ${Math.round(performance.now() - t1)} ms (performance.now() ${Math.round(t0)} → ${Math.round(t1)} → ${Math.round(performance.now())})`);
    } catch (e) {
      const message = e instanceof TabularInputError || e instanceof AppError ? e.message : `比对失败：${(e as Error).message ?? String(e)}`;
      await repo.failRun(this.db, job.runId, message).catch(() => undefined);
      await writeAudit(this.db, job.ctx, { action: 'comparison_run.fail', entityType: 'comparison_run', entityId: job.runId, after: { message } }).catch(() => undefined);
    } finally {
      this.live.delete(job.runId);
      await rm(job.tmpDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /**
   * Match and evaluate. A small file (≤ SMALL_FILE_BYTES) is read into memory first and only its ID numbers are looked
   * up; a big one gets the whole registry and roster of the area as in-memory maps (loaded once, chunked).
   */
  private async read(job: Job): Promise<EngineResult> {
    const area = job.ctx.user.areaCode;
    const today = todayOf(this.clock);
    const timing = this.phaseLog;
    const t0 = performance.now();
    let rows: AsyncIterable<TabularRow[]> = job.source.rows;
    let subjects: SubjectIndex;
    if (job.fileSize <= this.smallFileBytes) {
      const batches: TabularRow[][] = [];
      const ids = new Set<string>();
      const idx = job.mapping.idNumber!;
      for await (const b of job.source.rows) {
        batches.push(b);
        for (const r of b) {
          const id = rowIdNumber(r.cells[idx] ?? '', { today });
          if (id.ok) ids.add(id.idNumber);
        }
      }
      subjects = new SubjectIndex(ids.size);
      for (const [k, p] of await repo.registryByIds(this.db, area, [...ids])) subjects.addRegistryPerson(k, p);
      for (const [k, id] of await repo.rosterByIds(this.db, area, [...ids])) subjects.addRosterPerson(k, id);
      rows = (async function* () { yield* batches; })();
    } else {
      subjects = await repo.loadSubjects(this.db, area, yieldToLoop);
    }
    timing?.(`comparison run ${job.runId}: ${subjects.size} subjects loaded in ${Math.round(performance.now() - t0)} ms (until ${Math.round(performance.now())})`);
    let lastProgress = Date.now();
    return runEngine({
      rows,
      mapping: job.mapping,
      rules: job.rules.map(repo.toRule),
      subjects,
      today,
      onProgress: async (rows) => {
        if (Date.now() - lastProgress < 1000) return;
        lastProgress = Date.now();
        await repo.setProgress(this.db, job.runId, rows);
      },
    });
  }

  private async write(job: Job, r: EngineResult): Promise<void> {
    const family = job.family;
    const keyed = r.hits.map((h) => ({ h, key: hitIdempotencyKey({ fileSha256: job.fileSha256, rowNumber: h.rowNumber, ruleCode: h.rule.code, ruleVersion: h.rule.version }) }));
    const ruleHits: RuleHit[] = keyed.map(({ h, key }) => ({ subjectId: h.idNumber, ruleCode: h.rule.code, idempotencyKey: key }));
    const actor = actorOf(job.ctx.user);
    await this.db.tx(async (q) => {
      const recorded = await repo.recordedKeys(q, ruleHits.map((h) => h.idempotencyKey));
      const open = await repo.openWarnings(q, [...new Set(ruleHits.map((h) => h.subjectId))], [...new Set(ruleHits.map((h) => h.ruleCode))]);
      const decisions = planWarnings(ruleHits, {
        isRecorded: (k) => recorded.has(k),
        openWarning: (s, rule) => {
          const id = open.get(`${s}\u0000${rule}`);
          return id === undefined ? null : { warningId: String(id), subjectId: s, ruleCode: rule };
        },
      });
      for (const d of decisions) r.counter.addDecision(d);

      // Subject details of the hits that create a warning.
      const creating = decisions.map((d, i) => ({ d, h: keyed[i]!.h })).filter((x) => x.d.action === 'create');
      const personIds = creating.flatMap((x) => (x.h.subject.source === 'registry' ? [Number(x.h.subject.person.personId)] : []));
      const rosterIds = creating.flatMap((x) => (x.h.subject.source === 'roster' ? [Number(x.h.subject.rosterId)] : []));
      const persons = await repo.registrySubjects(q, personIds);
      const rosterPersons = await repo.rosterSubjects(q, rosterIds);

      const items: BulkWarning[] = [];
      const itemOfRef = new Map<string, BulkWarning>();
      const attachExisting: { warningId: number; hit: NewHit }[] = [];
      decisions.forEach((d, i) => {
        const h = keyed[i]!.h;
        if (d.action === 'skip') return;
        const hit = this.hitOf(job, h, d.idempotencyKey, d.action);
        if (d.action === 'create') {
          const reg = h.subject.source === 'registry' ? persons.get(Number(h.subject.person.personId)) : null;
          const ros = h.subject.source === 'roster' ? rosterPersons.get(Number(h.subject.rosterId)) : null;
          const subject = reg ?? ros;
          if (!subject) throw new Error(`第${h.rowNumber}行匹配到的人员已不存在，请重新运行`);
          const item: BulkWarning = {
            warning: {
              source: 'comparison', pushingDepartmentCode: RULE_FAMILY_DEPARTMENTS[family], villageCode: subject.villageCode,
              householdId: reg ? reg.householdId : null, personId: h.subject.source === 'registry' ? Number(h.subject.person.personId) : null,
              rosterPersonId: h.subject.source === 'roster' ? Number(h.subject.rosterId) : null, subjectIdentityKey: h.idNumber, subjectName: subject.name,
              subjectGroup: h.group, riskTypes: h.riskTypes, outputKind: h.rule.output.kind, ruleCode: h.rule.code,
              title: `${RULE_FAMILY_LABELS[family]}比对：${h.rule.label}`.slice(0, 200), description: h.explanation.slice(0, 2000), createdBy: job.ctx.user.id,
            },
            hits: [hit],
          };
          items.push(item);
          itemOfRef.set((d as { newWarningRef?: string }).newWarningRef!, item);
        } else if (d.warningId.startsWith('new:')) itemOfRef.get(d.warningId)!.hits.push(hit);
        else attachExisting.push({ warningId: Number(d.warningId), hit });
      });

      const tw = performance.now();
      await createWarningsBulk(q, items, actor, nowOf(this.clock));
      await attachHitsBulk(q, attachExisting);
      const ti = performance.now();
      // The adapters send COPY data in pieces of ≤ 1 MB (the loop turns between them), so one COPY per 20,000 rows.
      for (let i = 0; i < r.issues.length; i += 20_000) {
        await q.copyFrom('comparison_run_issue', repo.ISSUE_COLUMNS, r.issues.slice(i, i + 20_000).map((x) => [job.runId, x.rowNumber, x.kind, x.idNumber, x.name, x.message]));
        await yieldToLoop();
      }
      if (this.phaseLog) {
        this.phaseLog(`comparison run ${job.runId}: ${items.length} warnings + ${attachExisting.length} attached hits in ${Math.round(ti - tw)} ms (from ${Math.round(tw)}), ${r.issues.length} issues in ${Math.round(performance.now() - ti)} ms`);
      }
      const c = r.counter.counts();
      const totals: repo.RunTotals = {
        rowsRead: r.rowsRead, matched: c.matched, invalidIds: c.invalidIds, unmatched: c.unmatched, duplicates: r.duplicates, missingData: r.missingDataRows,
        hits: r.hits.length, created: c.created, attached: c.attached, skipped: c.skipped,
      };
      await repo.completeRun(q, job.runId, totals);
      await writeAudit(q, job.ctx, { action: 'comparison_run.complete', entityType: 'comparison_run', entityId: job.runId, after: { ...totals, ruleVersions: job.rules.map((x) => ruleVersionKey({ code: x.code, version: Number(x.version) })) } });
    });
  }

  private hitOf(job: Job, h: EngineHit, key: string, decision: 'create' | 'attach'): NewHit {
    return {
      sourceType: 'comparison_row', sourceRef: String(job.runId), idempotencyKey: key, ruleCode: h.rule.code, ruleVersion: h.rule.version,
      sourceFile: job.fileName, sourceRow: h.rowNumber,
      explanation: {
        text: h.explanation, ruleCode: h.rule.code, ruleVersion: h.rule.version, ruleLabel: h.rule.label, family: job.family, familyLabel: RULE_FAMILY_LABELS[job.family],
        group: h.group, groupLabel: SUBJECT_GROUP_LABELS[h.group], matchedIn: h.subject.source, nameInFile: h.fileName,
        file: { name: job.fileName, sha256: job.fileSha256 }, rowNumber: h.rowNumber, runId: job.runId, decision,
        triggers: h.triggers.map((t) => ({ field: t.field, label: t.label, op: t.op, actual: t.actual, expected: t.expected, text: t.text })),
      },
    };
  }

  // ── reading runs ──────────────────────────────────────────────────────────────────────────────

  private scope(ctx: AuthedContext): repo.RunScope {
    return { departmentCode: ctx.user.role === 'department_user' ? (ctx.user.departmentCode ?? '\u0000none') : null, areaCode: ctx.user.areaCode };
  }

  async list(ctx: AuthedContext, f: ListRunsQuery) {
    const { total, rows } = await repo.listRuns(this.db, this.scope(ctx), f);
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map(presentRun) };
  }

  async get(ctx: AuthedContext, id: number) {
    const r = await repo.findRun(this.db, id, this.scope(ctx));
    if (!r) throw notFound('比对记录不存在或不在您的查看范围内');
    return presentRun(r);
  }

  async hits(ctx: AuthedContext, id: number, f: { page: number; pageSize: number }) {
    await this.get(ctx, id);
    const reveal = can(ctx.user.role, 'reveal', 'person_identity');
    const { total, rows } = await repo.runHits(this.db, id, f);
    return {
      total, page: f.page, pageSize: f.pageSize,
      items: rows.map((h) => {
        const ex = (h.explanation ?? {}) as { text?: string; decision?: string; triggers?: { label: string; text: string }[] };
        return {
          id: Number(h.id), warningId: Number(h.warning_id), ruleCode: h.rule_code, ruleVersion: h.rule_version == null ? null : Number(h.rule_version),
          rowNumber: h.source_row == null ? null : Number(h.source_row), subjectName: h.subject_name,
          subjectIdNumber: reveal ? h.subject_identity_key : maskIdNumber(h.subject_identity_key), subjectGroup: h.subject_group,
          villageCode: h.village_code, villageName: h.village_name, warningState: h.state, outputKind: h.output_kind,
          decision: ex.decision ? (DECISION_LABELS[ex.decision] ?? ex.decision) : null, explanation: ex.text ?? '',
          triggers: (ex.triggers ?? []).map((t) => ({ label: t.label, text: t.text })),
        };
      }),
    };
  }

  async issues(ctx: AuthedContext, id: number, f: { kind?: string; page: number; pageSize: number }) {
    await this.get(ctx, id);
    const reveal = can(ctx.user.role, 'reveal', 'person_identity');
    const { total, rows } = await repo.listIssues(this.db, id, f);
    return { total, page: f.page, pageSize: f.pageSize, items: rows.map((r) => presentIssue(r, reveal)) };
  }

  /** The row issues as a streamed .xlsx (audited as an export). */
  async issuesWorkbook(ctx: AuthedContext, id: number): Promise<{ fileName: string; stream: Readable }> {
    const run = await this.get(ctx, id);
    const reveal = can(ctx.user.role, 'reveal', 'person_identity');
    await this.db.tx((q) => writeAudit(q, ctx, { action: 'comparison_run.export_issues', entityType: 'comparison_run', entityId: id }));
    const db = this.db;
    async function* rows() {
      let after = 0;
      for (;;) {
        const page = await repo.issuesAfter(db, id, after, 5_000);
        if (page.length === 0) return;
        for (const r of page) {
          const p = presentIssue(r, reveal);
          yield [p.rowNumber, p.kindLabel, p.idNumber, p.name, p.message];
        }
        after = Number(page[page.length - 1]!.row_number);
        await yieldToLoop();
      }
    }
    const stream = xlsxStream([{
      name: '问题行',
      columns: [{ header: '行号', width: 8 }, { header: '问题类别', width: 16 }, { header: '证件号码', width: 22 }, { header: '姓名', width: 10 }, { header: '说明', width: 60 }],
      rows: rows(),
    }]);
    return { fileName: `比对问题行-${run.familyLabel}-${id}.xlsx`, stream };
  }
}

function iso(v: unknown): string | null {
  if (v == null) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}

export function presentRun(r: Row) {
  const status = r.status as keyof typeof RUN_STATUS_LABELS;
  return {
    id: Number(r.id), family: r.family, familyLabel: RULE_FAMILY_LABELS[r.family as RuleFamily] ?? r.family, departmentCode: r.department_code,
    departmentName: r.department_name, fileName: r.file_name, fileSha256: r.file_sha256, fileSize: Number(r.file_size), fileFormat: r.file_format,
    fileEncoding: r.file_encoding, ruleVersions: r.rule_versions ?? [], headerWarnings: r.header_warnings ?? [], status, statusLabel: RUN_STATUS_LABELS[status],
    counts: {
      rows: Number(r.rows_read), matched: Number(r.matched), invalidIds: Number(r.invalid_ids), unmatched: Number(r.unmatched), duplicates: Number(r.duplicates),
      missingData: Number(r.missing_data), hits: Number(r.hits), created: Number(r.created), attached: Number(r.attached), skipped: Number(r.skipped),
    },
    errorMessage: r.error_message, createdByName: r.created_by_name, createdAt: iso(r.created_at)!, startedAt: iso(r.started_at), finishedAt: iso(r.finished_at),
  };
}

function presentIssue(r: Row, reveal: boolean) {
  const kind = r.kind as IssueKind;
  return {
    rowNumber: Number(r.row_number), kind, kindLabel: ISSUE_KIND_LABELS[kind] ?? kind,
    idNumber: reveal ? r.id_number : maskIdNumber(r.id_number), name: r.name, message: r.message,
  };
}
