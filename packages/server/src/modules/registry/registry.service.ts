/** Registry use cases: each change runs in one transaction with its history and audit rows. */
import {
  diffFields, maskIdNumber, maskPhone, perCapitaNetIncome, netIncome, validateDisabilityCard, validateIdCard,
  ID_CARD_MESSAGES, can, type DisabilityCardInfo,
} from '@shouwang/domain';
import type { Db, Queryable } from '../../db/db.js';
import type { Clock } from '../../clock.js';
import { todayOf } from '../../clock.js';
import { camelRow } from '../../db/case.js';
import { isUniqueViolation } from '../../db/db-error.js';
import type { AuthedContext } from '../../http/context.js';
import { areaInScope } from '../../http/scope.js';
import { badRequest, conflict, notFound, type FieldError } from '../../http/errors.js';
import { writeAudit } from '../audit/audit.writer.js';
import { findArea } from '../areas/area.repository.js';
import * as repo from './registry.repository.js';
import type { HouseholdInput, IncomeInput, ListQuery, PersonInput } from './registry.schemas.js';

const PERSON_COLUMNS_HIDDEN = ['identity_key'];

export class RegistryService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async list(ctx: AuthedContext, f: ListQuery) {
    const { total, rows } = await repo.listHouseholds(this.db, ctx.user, f);
    return {
      total,
      page: f.page,
      pageSize: f.pageSize,
      items: rows.map((r) => ({
        id: Number(r.id),
        householdNo: r.household_no,
        villageCode: r.village_code,
        villageName: r.village_name,
        townshipName: r.township_name,
        headName: r.head_name,
        headIdNumber: maskIdNumber(r.head_id_number),
        phone: maskPhone(r.phone),
        memberCount: r.member_count,
        householdType: r.household_type,
        monitorCategory: r.monitor_category,
        riskTypes: r.risk_types,
        riskEliminated: r.risk_eliminated,
        perCapitaNetIncome: r.per_capita_net_income,
        incomeYear: r.income_year,
      })),
    };
  }

  /** The whole record, masked; the view itself is audited (a full-record view). */
  async get(ctx: AuthedContext, id: number) {
    return this.db.tx(async (q) => {
      const h = await repo.findHousehold(q, ctx.user, id);
      if (!h) throw notFound();
      const [members, incomes] = await Promise.all([repo.membersOf(q, id), repo.incomesOf(q, id)]);
      await writeAudit(q, ctx, { action: 'household.view', entityType: 'household', entityId: id });
      return {
        household: presentHousehold(h),
        members: members.map((m) => presentPerson(m)),
        incomes: incomes.map((r) => camelRow(r)),
        canReveal: can(ctx.user.role, 'reveal', 'person_identity'),
      };
    });
  }

  async history(ctx: AuthedContext, id: number) {
    const h = await repo.findHousehold(this.db, ctx.user, id);
    if (!h) throw notFound();
    return { items: (await repo.historyOf(this.db, id)).map((r) => camelRow(r)) };
  }

  async create(ctx: AuthedContext, body: { household: HouseholdInput; members: PersonInput[]; income?: IncomeInput & { year: number } }) {
    await this.checkVillage(ctx, body.household.villageCode, 'household.villageCode');
    const persons = body.members.map((m, i) => this.checkPerson(m, `members.${i}`));
    const heads = body.members.filter((m) => m.relation === 'head').length;
    if (heads !== 1) throw badRequest('每户必须有且只有一名户主', [{ field: 'members', message: '每户必须有且只有一名户主' }]);
    const seen = new Map<string, number>();
    persons.forEach((p, i) => {
      const prev = seen.get(p.identityKey);
      if (prev !== undefined) throw badRequest(`第${i + 1}名成员与第${prev + 1}名成员证件号码重复`, [{ field: `members.${i}.idNumber`, message: '与本户其他成员证件号码重复' }]);
      seen.set(p.identityKey, i);
    });
    return this.db.tx(async (q) => {
      for (const [i, p] of persons.entries()) await this.ensureIdentityFree(q, p.identityKey, `members.${i}.idNumber`);
      const householdNo = await repo.nextHouseholdNo(q, body.household.villageCode);
      const h = await repo.insertRow(q, 'household', { ...body.household, householdNo, memberCount: persons.length });
      const hid = Number(h.id);
      for (const p of persons) {
        const row = await this.insertPerson(q, hid, p);
        await repo.insertHistory(q, { householdId: hid, userId: ctx.user.id, username: ctx.user.username, entityType: 'person', entityId: row.id, action: 'create', changes: diffFields(null, presentPerson(row)) });
      }
      await repo.insertHistory(q, { householdId: hid, userId: ctx.user.id, username: ctx.user.username, entityType: 'household', entityId: hid, action: 'create', changes: maskChanges(diffFields(null, body.household)) });
      if (body.income) await this.writeIncome(q, ctx, hid, body.income.year, body.income, persons.length);
      await writeAudit(q, ctx, { action: 'household.create', entityType: 'household', entityId: hid, after: { ...body.household, householdNo, members: persons.length } });
      return { id: hid, householdNo };
    });
  }

  async update(ctx: AuthedContext, id: number, input: HouseholdInput, version: number) {
    await this.checkVillage(ctx, input.villageCode, 'household.villageCode');
    return this.db.tx(async (q) => {
      const before = await repo.findHousehold(q, ctx.user, id, true);
      if (!before) throw notFound();
      if (before.version !== version) throw conflict('该农户信息已被他人修改，请刷新后再编辑', 'stale_version');
      const after = await repo.updateRow(q, 'household', id, input, 'version = version + 1, updated_at = now()');
      const beforeView = pick(presentHousehold(before, false), Object.keys(input));
      const changes = diffFields(beforeView, input);
      if (Object.keys(changes).length) {
        await repo.insertHistory(q, { householdId: id, userId: ctx.user.id, username: ctx.user.username, entityType: 'household', entityId: id, action: 'update', changes: maskChanges({ ...changes }) });
        await writeAudit(q, ctx, { action: 'household.update', entityType: 'household', entityId: id, before: beforeView, after: input });
      }
      return { household: presentHousehold({ ...after, village_name: before.village_name, township_name: before.township_name }) };
    });
  }

  async addMember(ctx: AuthedContext, householdId: number, input: PersonInput) {
    const p = this.checkPerson(input, '');
    return this.db.tx(async (q) => {
      const h = await repo.findHousehold(q, ctx.user, householdId, true);
      if (!h) throw notFound();
      if (input.relation === 'head') throw badRequest('本户已有户主', [{ field: 'relation', message: '本户已有户主，请先修改原户主的与户主关系' }]);
      await this.ensureIdentityFree(q, p.identityKey, 'idNumber');
      const row = await this.insertPerson(q, householdId, p);
      await this.afterMembersChanged(q, ctx, householdId);
      await repo.insertHistory(q, { householdId, userId: ctx.user.id, username: ctx.user.username, entityType: 'person', entityId: row.id, action: 'create', changes: diffFields(null, presentPerson(row)) });
      await writeAudit(q, ctx, { action: 'person.create', entityType: 'person', entityId: row.id, after: presentPerson(row) });
      return { id: Number(row.id) };
    });
  }

  async updateMember(ctx: AuthedContext, personId: number, input: PersonInput) {
    const p = this.checkPerson(input, '');
    return this.db.tx(async (q) => {
      const { person, household } = await this.personInScope(q, ctx, personId);
      if (p.identityKey !== person.identity_key) await this.ensureIdentityFree(q, p.identityKey, 'idNumber');
      if (input.relation === 'head' && person.relation !== 'head') throw badRequest('本户已有户主', [{ field: 'relation', message: '本户已有户主' }]);
      if (input.relation !== 'head' && person.relation === 'head') throw badRequest('户主不能改为其他关系', [{ field: 'relation', message: '每户必须有一名户主' }]);
      const after = await repo.updateRow(q, 'person', personId, p.record, 'updated_at = now()');
      const changes = diffFields(presentPerson(person, false), presentPerson(after!, false));
      if (Object.keys(changes).length) {
        await repo.insertHistory(q, { householdId: household.id, userId: ctx.user.id, username: ctx.user.username, entityType: 'person', entityId: personId, action: 'update', changes: maskChanges(changes) });
        await writeAudit(q, ctx, { action: 'person.update', entityType: 'person', entityId: personId, before: presentPerson(person), after: presentPerson(after!) });
      }
      return { person: presentPerson(after!) };
    });
  }

  async removeMember(ctx: AuthedContext, personId: number) {
    await this.db.tx(async (q) => {
      const { person, household } = await this.personInScope(q, ctx, personId);
      if (person.relation === 'head') throw conflict('不能删除户主；如需变更户主，请先修改成员关系', 'head_required');
      await repo.deletePerson(q, personId);
      await this.afterMembersChanged(q, ctx, household.id);
      await repo.insertHistory(q, { householdId: household.id, userId: ctx.user.id, username: ctx.user.username, entityType: 'person', entityId: personId, action: 'delete', changes: diffFields(presentPerson(person), null) });
      await writeAudit(q, ctx, { action: 'person.delete', entityType: 'person', entityId: personId, before: presentPerson(person) });
    });
  }

  async setIncome(ctx: AuthedContext, householdId: number, year: number, input: IncomeInput) {
    if (year > Number(todayOf(this.clock).slice(0, 4))) throw badRequest('不能录入未来年度的收入', [{ field: 'year', message: '年度不能晚于今年' }]);
    return this.db.tx(async (q) => {
      const h = await repo.findHousehold(q, ctx.user, householdId, true);
      if (!h) throw notFound();
      return { income: await this.writeIncome(q, ctx, householdId, year, input, h.member_count) };
    });
  }

  /** Reveal a person's whole ID number; audited. */
  async revealPerson(ctx: AuthedContext, personId: number) {
    return this.db.tx(async (q) => {
      const { person } = await this.personInScope(q, ctx, personId);
      await writeAudit(q, ctx, { action: 'person.reveal', entityType: 'person', entityId: personId });
      return { idNumber: person.id_number as string };
    });
  }

  async revealHouseholdPhone(ctx: AuthedContext, householdId: number) {
    return this.db.tx(async (q) => {
      const h = await repo.findHousehold(q, ctx.user, householdId);
      if (!h) throw notFound();
      await writeAudit(q, ctx, { action: 'household.reveal', entityType: 'household', entityId: householdId });
      return { phone: (h.phone as string | null) ?? null };
    });
  }

  // ── helpers ──────────────────────────────────────────────────────────────

  private async checkVillage(ctx: AuthedContext, code: string, field: string) {
    const area = await findArea(this.db, code);
    if (!area || area.level !== 'village') throw badRequest(`所属村代码 ${code} 不存在`, [{ field, message: '所属村不存在' }]);
    if (!areaInScope(ctx.user, code)) throw badRequest(`所属村 ${area.name} 不在您的管辖范围内`, [{ field, message: '所属村不在您的管辖范围内' }]);
  }

  /** Validate the ID number by its type and derive birth date and sex from it (never typed). */
  private checkPerson(m: PersonInput, path: string) {
    const r = personRecord(m, todayOf(this.clock));
    if (!r.ok) {
      if (r.field === 'health') throw badRequest(r.message, [{ field: path ? `${path}.health` : 'health', message: r.message }]);
      const errs: FieldError[] = [{ field: path ? `${path}.idNumber` : 'idNumber', message: r.message }];
      throw badRequest(`${path ? `第${Number(path.split('.')[1]) + 1}名成员` : ''}${r.message}`, errs);
    }
    return { identityKey: r.identityKey, record: r.record };
  }

  private async ensureIdentityFree(q: Queryable, identityKey: string, field: string) {
    const holder = await repo.findIdentityHolder(q, identityKey);
    if (holder) throw conflict(`证件号码 ${maskIdNumber(identityKey)} 已登记在户 ${holder.household_no}（${holder.village_name}），同一人不能重复登记`, 'duplicate_id');
    void field;
  }

  private async insertPerson(q: Queryable, householdId: number, p: { record: Record<string, unknown> }) {
    try {
      return await repo.insertRow(q, 'person', { ...p.record, householdId });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('证件号码已被登记，同一人不能重复登记', 'duplicate_id');
      throw e;
    }
  }

  private async personInScope(q: Queryable, ctx: AuthedContext, personId: number) {
    const person = await repo.findPerson(q, personId);
    const household = person ? await repo.findHousehold(q, ctx.user, Number(person.household_id), true) : null;
    if (!person || !household) throw notFound();
    return { person, household: { ...household, id: Number(household.id) } };
  }

  /** Member count changed: keep household.member_count and the latest year's 人均纯收入 true to the rule. */
  private async afterMembersChanged(q: Queryable, ctx: AuthedContext, householdId: number) {
    const n = await repo.refreshMemberCount(q, householdId);
    const latest = await repo.latestIncome(q, householdId);
    if (latest) await this.writeIncome(q, ctx, householdId, latest.year, camelRow<IncomeInput>(latest), n);
  }

  private async writeIncome(q: Queryable, ctx: AuthedContext, householdId: number, year: number, f: IncomeInput, members: number) {
    const perCapita = perCapitaNetIncome(f, members);
    if (perCapita === null) throw badRequest('家庭人口为0，无法计算人均纯收入');
    const before = await repo.incomeOf(q, householdId, year);
    const row = await repo.upsertIncome(q, { householdId, year, ...f, memberCount: members, netIncome: netIncome(f), perCapitaNetIncome: perCapita });
    const view = (r: Record<string, unknown> | null) => (r ? pick(camelRow(r), ['wageIncome', 'businessIncome', 'propertyIncome', 'transferIncome', 'businessExpense', 'claimIncome', 'outOfPocketExpense', 'memberCount', 'perCapitaNetIncome']) : null);
    const changes = diffFields(view(before), view(row));
    if (Object.keys(changes).length) {
      await repo.insertHistory(q, { householdId, userId: ctx.user.id, username: ctx.user.username, entityType: 'income', entityId: year, action: before ? 'update' : 'create', changes });
      await writeAudit(q, ctx, { action: 'income.update', entityType: 'household_income', entityId: `${householdId}/${year}`, before: view(before), after: view(row) });
    }
    return camelRow(row);
  }
}

/**
 * Validate a person's ID number by its type and derive birth date and sex from it (never typed); the person record
 * as stored. Shared by the registry forms and the spreadsheet import.
 */
export function personRecord(m: PersonInput, today: string):
  | { ok: true; identityKey: string; record: PersonInput & { identityKey: string; birthDate: string; sex: string } }
  | { ok: false; field: 'idNumber' | 'health'; message: string } {
  const opts = { today };
  const res = m.idType === 'disability_card' ? validateDisabilityCard(m.idNumber, opts) : validateIdCard(m.idNumber, opts);
  if (!res.ok) {
    const message = m.idType === 'disability_card' && res.error === 'format' ? '残疾人证号码应为20位或22位' : ID_CARD_MESSAGES[res.error];
    return { ok: false, field: 'idNumber', message };
  }
  const v = res.value;
  const disability = 'disabilityCategory' in v ? { disabilityCategory: (v as DisabilityCardInfo).disabilityCategory, disabilityGrade: (v as DisabilityCardInfo).disabilityGrade } : {};
  const record = {
    ...m,
    ...disability,
    idNumber: m.idType === 'disability_card' ? m.idNumber.trim().toUpperCase() : v.id,
    identityKey: v.id,
    birthDate: v.birthDate,
    sex: v.sex,
  };
  if (record.health !== 'disabled' && m.idType === 'disability_card') {
    return { ok: false, field: 'health', message: '持残疾人证的成员健康状况应为残疾' };
  }
  return { ok: true, identityKey: v.id, record };
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
}

/** A household as the API shows it; phone masked unless `mask` is false (internal diffs). */
export function presentHousehold(h: Record<string, any>, mask = true) {
  const o = camelRow<Record<string, any>>(h);
  o.id = Number(o.id);
  o.helperUserId = o.helperUserId == null ? null : Number(o.helperUserId);
  if (mask) o.phone = maskPhone(o.phone);
  return o;
}

export function presentPerson(p: Record<string, any>, mask = true) {
  const o = camelRow<Record<string, any>>(p);
  for (const k of PERSON_COLUMNS_HIDDEN) delete o[k === 'identity_key' ? 'identityKey' : k];
  o.id = Number(o.id);
  o.householdId = Number(o.householdId);
  delete o.createdAt;
  delete o.updatedAt;
  if (mask) o.idNumber = maskIdNumber(o.idNumber);
  return o;
}

/** History keeps ID numbers and phones masked: it is readable by roles that may not see them whole. */
function maskChanges(c: Record<string, { from: unknown; to: unknown }>) {
  const str = (v: unknown) => (v == null ? null : String(v));
  if (c.idNumber) c.idNumber = { from: maskIdNumber(str(c.idNumber.from)), to: maskIdNumber(str(c.idNumber.to)) };
  if (c.phone) c.phone = { from: maskPhone(str(c.phone.from)), to: maskPhone(str(c.phone.to)) };
  return c;
}
