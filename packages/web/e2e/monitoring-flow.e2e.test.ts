/**
 * The monitoring cycle in a real browser, on the demo county (issue 4 "Done when"): a household's clue becomes an
 * identification case opened from the household page; the village, the township and the county pass every step
 * (公示 printed — print view opened, PDF answered — and posted; 公示期 waited out by restarting the app later on the
 * same data folder); the county office assigns the 帮扶责任人 on the household card, then approves; the village makes
 * the help plan with a 开发式 measure on the household card and the assigned helper marks it 已落实 on the plan page;
 * months later the monthly assessments (H7's API) make the criteria pass, the household is eliminated through the case
 * pages, and the monthly task generation (H7's API) gives it a 已消除月排查 revisit task.
 *
 * The case, helper and plan steps are clicked in the pages; the monthly assessments and the task generation have no
 * simpler page path and go through their APIs. The business date is set with SHOUWANG_TODAY on each start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { makeDataDir, startBuiltApp, type RunningApp } from './app-server.js';
import { ARTIFACTS, launchChromium } from './browser.js';
import { apiLogin, demoPassword } from './session.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('identification → assistance → elimination in Chromium', () => {
  let app: RunningApp | null = null;
  let browser: Browser;
  let password = '';
  const dataDir = makeDataDir();
  const contexts: BrowserContext[] = [];
  const cookies = new Map<string, string>();

  const start = async (today: string) => {
    if (app) await app.stop();
    for (const c of contexts.splice(0)) await c.close();
    cookies.clear();
    app = await startBuiltApp({ SHOUWANG_TODAY: today }, { dataDir });
    password ||= demoPassword(app);
  };
  const url = (p: string) => `${app!.url}${p}`;
  const cookieOf = async (user: string) => {
    if (!cookies.has(user)) cookies.set(user, await apiLogin(app!.url, user, password));
    return cookies.get(user)!;
  };
  const call = async (user: string, method: string, p: string, body?: unknown) => {
    const r = await fetch(url(p), { method, headers: { cookie: await cookieOf(user), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, headers: r.headers, json: text && r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null, text };
  };
  const ok = async (user: string, method: string, p: string, body?: unknown) => {
    const r = await call(user, method, p, body);
    expect(r.status, `${user} ${method} ${p}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
    return r.json;
  };
  /** A page signed in as `user` (the session cookie from the API login). */
  const pageAs = async (user: string): Promise<Page> => {
    const cookie = await cookieOf(user);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    const u = new URL(app!.url);
    await ctx.addCookies([{ name: 'sw_session', value: cookie.split('=')[1]!, domain: u.hostname, path: '/' }]);
    return ctx.newPage();
  };
  /** Click an action button on the case page and confirm it in the dialog. */
  const act = async (page: Page, caseId: number, label: string, remarks?: string) => {
    await page.goto(url(`/cases/${caseId}`));
    await page.getByRole('button', { name: label }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (remarks) await dialog.getByRole('textbox').first().fill(remarks);
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  const caseState = async (id: number) => (await ok('county', 'GET', `/api/cases/${id}`)).case.state as string;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a clue becomes a monitored household, is helped, and months later is eliminated with a revisit task', async () => {
    // ── 2026-03-02: the village opens the case from the household page ──
    await start('2026-03-02');
    const me = (await ok('village', 'GET', '/api/auth/me')).user;
    const helperUser = (await ok('helper', 'GET', '/api/auth/me')).user as { id: number; displayName: string };
    const list = await ok('village', 'GET', '/api/households?monitorCategory=none&pageSize=100');
    let householdId = 0;
    // A household with labour capacity (one without is kept under 兜底 and not eliminated by default), not yet looked
    // after by the `helper` login (the county assigns that helper to it below).
    for (const h of list.items as { id: number }[]) {
      const detail = await ok('village', 'GET', `/api/households/${h.id}`);
      const members = detail.members as { labourSkill: string; schoolStatus: string; birthDate: string }[];
      const labour = members.some((m) => ['skilled', 'ordinary'].includes(m.labourSkill) && m.schoolStatus === 'none' && m.birthDate < '2000-01-01');
      if (labour && detail.household.helperUserId !== helperUser.id && (await ok('village', 'GET', `/api/households/${h.id}/cases`)).canOpenIdentification) { householdId = h.id; break; }
    }
    expect(householdId, '可发起识别纳入的农户').toBeGreaterThan(0);

    const village = await pageAs('village');
    await village.goto(url(`/households/${householdId}`));
    await village.getByRole('button', { name: '发起识别纳入' }).click();
    const dialog = village.getByRole('dialog');
    await dialog.getByRole('combobox').first().click();
    await village.keyboard.type('因病');
    await village.keyboard.press('Enter');
    await village.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /发\s*起/ }).click();
    await village.waitForURL(/\/cases\/\d+$/);
    const caseId = Number(/\/cases\/(\d+)$/.exec(village.url())![1]);
    await village.getByText('入户核实与信息比对').first().waitFor();
    await village.screenshot({ path: path.join(ARTIFACTS, 'case-opened.png'), fullPage: true });
    expect((await ok('village', 'GET', `/api/cases/${caseId}`)).case.villageCode).toBe(me.areaCode);

    // 承诺授权书: uploaded and recorded (the upload goes through the case's attachment endpoint).
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), '承诺授权书.png');
    const up = await fetch(url(`/api/cases/${caseId}/attachments`), { method: 'POST', headers: { cookie: await cookieOf('village') }, body: form });
    expect(up.status).toBe(201);
    const attachmentId = (await up.json()).id as number;
    await ok('village', 'PUT', `/api/cases/${caseId}/facts`, { authorizationSigned: true, authorizationAttachmentId: attachmentId, expectedVersion: 1 });

    await act(village, caseId, '完成入户核实', '入户核实：家庭成员患病，医疗支出较大');
    const township = await pageAs('township');
    await act(township, caseId, '完成信息比对', '比对医保、民政数据无异常');
    expect(await caseState(caseId)).toBe('village_review');

    // 公示: generated, the print view opened, the PDF answers, posted by the village on the notices page.
    const notice = (await ok('village', 'POST', '/api/case-notices', { kind: 'identification_publicity', villageCode: me.areaCode, caseIds: [caseId] })).notice;
    await village.goto(url(`/api/case-notices/${notice.id}/print`));
    await village.getByRole('heading', { name: /识别纳入公示/ }).waitFor();
    expect(await village.locator('table').innerText()).not.toMatch(/\d{15,}/);
    await village.screenshot({ path: path.join(ARTIFACTS, 'case-notice-print.png'), fullPage: true });
    const pdf = await call('village', 'GET', `/api/case-notices/${notice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await village.goto(url(`/cases/notices?open=${notice.id}`));
    await village.getByRole('button', { name: '记录张贴（今天）' }).click();
    await village.getByRole('button', { name: /确\s*认/ }).last().click();
    await village.getByText('已张贴').first().waitFor();
    expect(await caseState(caseId)).toBe('publicity');

    // ── 2026-03-08: 公示期 over; township review, county approval with a 帮扶责任人, 结果公告, 录入建档 ──
    await start('2026-03-08');
    await act(await pageAs('village'), caseId, '公示期满无异议，报乡镇审核');
    await act(await pageAs('township'), caseId, '乡镇审核通过', '同意');
    const county = await pageAs('county');
    // The county's overview pages: the overdue warning by township, the case list, the settings.
    await county.goto(url('/cases/overdue'));
    await county.getByText('已逾期（').waitFor();
    await county.locator('.ant-table-row').first().waitFor();
    await county.screenshot({ path: path.join(ARTIFACTS, 'cases-overdue.png'), fullPage: true });
    await county.goto(url('/cases/identification'));
    await county.locator('.ant-table-row').first().waitFor();
    await county.screenshot({ path: path.join(ARTIFACTS, 'cases-list.png'), fullPage: true });
    await county.goto(url('/cases/settings'));
    await county.getByRole('button', { name: '保存办理时限' }).waitFor();
    // 县级审批 needs a 帮扶责任人: the county office assigns the `helper` login's own record on the household card (a
    // reassignment, with a reason, when the demo already gave the household a helper).
    const assignments = await ok('county', 'GET', `/api/households/${householdId}/helper-assignments`);
    const current = (assignments.items as { helperId: number; endedOn: string | null }[]).find((x) => x.endedOn === null);
    if (!current) {
      await county.goto(url(`/cases/${caseId}`));
      await county.getByText('须先为该户明确一名帮扶责任人').first().waitFor();
      await county.getByText('未明确（县级审批前须明确）').waitFor();
    }
    const helperRecords = (await ok('county', 'GET', `/api/helpers?q=${encodeURIComponent(helperUser.displayName)}&pageSize=50`)).items as { id: number; name: string; unit: string; areaName: string; username: string | null }[];
    const helperRecord = helperRecords.find((x) => x.username === 'helper');
    expect(helperRecord, '帮扶责任人登录账号的名册记录').toBeTruthy();
    await county.goto(url(`/households/${householdId}`));
    const countyCard = county.locator('.ant-card').filter({ has: county.getByText('帮扶（帮扶责任人 · 帮扶计划 · 走访）', { exact: true }) });
    await countyCard.getByRole('button', { name: current ? '更换帮扶责任人' : '分配帮扶责任人' }).click();
    const assignDialog = county.getByRole('dialog');
    await assignDialog.waitFor();
    const helperSearch = county.waitForResponse((r) => r.url().includes('/api/helpers?') && new URL(r.url()).searchParams.get('q') === helperUser.displayName && r.ok());
    await assignDialog.getByRole('combobox').first().fill(helperUser.displayName);
    await helperSearch;
    await county.locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: helperRecord!.name }).filter({ hasText: helperRecord!.unit }).filter({ hasText: `（${helperRecord!.areaName}）` })
      .first().click();
    await assignDialog.getByLabel(current ? '更换原因' : '说明（可选）').fill('县级审批时明确帮扶责任人');
    const assigned = county.waitForResponse((r) => r.url().endsWith(`/api/households/${householdId}/helper-assignment`) && r.request().method() === 'POST');
    await assignDialog.getByRole('button', { name: /确\s*定/ }).click();
    expect((await assigned).status()).toBeLessThan(300);
    await assignDialog.waitFor({ state: 'hidden' });
    await countyCard.getByText(`${helperRecord!.name}（${helperRecord!.unit}`).waitFor();
    const assignedNow = (await ok('county', 'GET', `/api/households/${householdId}/helper-assignments`)).items as { helperId: number; endedOn: string | null }[];
    expect(assignedNow.find((x) => x.endedOn === null)?.helperId).toBe(helperRecord!.id);
    await county.goto(url(`/cases/${caseId}`));
    await county.getByText('已明确', { exact: true }).first().waitFor();
    await act(county, caseId, '县级审批通过', '同意纳入');
    expect(await caseState(caseId)).toBe('announcement');
    const result = (await ok('county', 'POST', '/api/case-notices', { kind: 'identification_result', villageCode: me.areaCode, caseIds: [caseId] })).notice;
    await ok('county', 'POST', `/api/case-notices/${result.id}/post`);
    await ok('village', 'PUT', `/api/cases/${caseId}/facts`, { monitorCategory: 'marginal', riskTypes: ['illness'], expectedVersion: (await ok('village', 'GET', `/api/cases/${caseId}`)).case.version });
    await act(await pageAs('village'), caseId, '录入建档');
    expect(await caseState(caseId)).toBe('done');
    const household = (await ok('county', 'GET', `/api/households/${householdId}`)).household;
    expect(household).toMatchObject({ monitorCategory: 'marginal', riskTypes: ['illness'], monitorIdentifiedOn: '2026-03-08' });

    // 帮扶计划: the village makes it on the household card with a 开发式 measure (产业帮扶).
    const v1 = await pageAs('village');
    await v1.goto(url(`/households/${householdId}`));
    const villageCard = v1.locator('.ant-card').filter({ has: v1.getByText('帮扶（帮扶责任人 · 帮扶计划 · 走访）', { exact: true }) });
    await villageCard.getByText(`${helperRecord!.name}（${helperRecord!.unit}`).waitFor();
    await villageCard.getByRole('button', { name: '制定帮扶计划' }).click();
    const planDialog = v1.getByRole('dialog');
    await planDialog.waitFor();
    await planDialog.getByRole('combobox').first().fill('产业帮扶');
    await v1.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '产业帮扶' }).first().click();
    await planDialog.getByLabel('措施内容').fill('到户产业奖补');
    await planDialog.getByLabel('计划说明').fill('产业帮扶');
    const planMade = v1.waitForResponse((r) => new URL(r.url()).pathname === '/api/help-plans' && r.request().method() === 'POST');
    await planDialog.getByRole('button', { name: '保存计划' }).click();
    expect((await planMade).status()).toBeLessThan(300);
    await v1.waitForURL(/\/assistance\/plans\/\d+$/);
    const planUrl = new URL(v1.url()).pathname;
    const planRow = (p: Page) => p.locator('.ant-table-row').filter({ hasText: '产业帮扶' });
    await planRow(v1).getByText('开发式', { exact: true }).waitFor();
    await planRow(v1).getByText('到户产业奖补').waitFor();
    await planRow(v1).getByText('计划中', { exact: true }).waitFor();
    await v1.getByText(helperRecord!.name, { exact: true }).first().waitFor();

    // 已落实: the assigned helper marks the measure on the plan page, with the date and an evidence note.
    const helperPage = await pageAs('helper');
    await helperPage.goto(url(planUrl));
    await planRow(helperPage).getByRole('button', { name: '标记已落实' }).click();
    const implementDialog = helperPage.getByRole('dialog');
    await implementDialog.waitFor();
    await expect.poll(() => implementDialog.getByLabel('落实日期').inputValue()).toBe('2026-03-08');
    await implementDialog.getByLabel('落实情况（佐证说明）').fill('奖补资金已发放');
    const implemented = helperPage.waitForResponse((r) => /\/api\/help-measures\/\d+\/implement$/.test(r.url()) && r.request().method() === 'POST');
    await implementDialog.getByRole('button', { name: /确\s*定/ }).click();
    expect((await implemented).status()).toBeLessThan(300);
    await implementDialog.waitFor({ state: 'hidden' });
    await planRow(helperPage).getByText('已落实', { exact: true }).waitFor();
    await planRow(helperPage).getByText('2026-03-08 落实').waitFor();
    await planRow(helperPage).getByText('奖补资金已发放').waitFor();
    await helperPage.screenshot({ path: path.join(ARTIFACTS, 'help-measure-implemented.png'), fullPage: true });
    const planId = Number(/(\d+)$/.exec(planUrl)![1]);
    const planAfter = await ok('county', 'GET', `/api/help-plans/${planId}`);
    expect((planAfter.plan ?? planAfter).measures).toMatchObject([{ measureCode: 'industry', status: 'implemented', implementedOn: '2026-03-08', evidenceNote: '奖补资金已发放' }]);

    // ── 2026-09-20: six months of assessments above the line; the household is eliminated through the case pages ──
    await start('2026-09-20');
    for (const month of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']) {
      await ok('village', 'POST', `/api/households/${householdId}/assessments`, { month, perCapitaNetIncome: 9600, newRiskTypes: [], notes: '月度评估' });
    }
    const check = await ok('village', 'GET', `/api/households/${householdId}/elimination-check`);
    expect(check.evaluation.eligible, JSON.stringify(check.evaluation.failing)).toBe(true);
    const v2 = await pageAs('village');
    await v2.goto(url(`/households/${householdId}`));
    await v2.getByRole('button', { name: '消除条件核查' }).click();
    await v2.getByText('符合风险消除标准').first().waitFor();
    await v2.screenshot({ path: path.join(ARTIFACTS, 'elimination-check.png'), fullPage: true });
    await v2.keyboard.press('Escape');
    await v2.getByRole('button', { name: '申请风险消除' }).click();
    await v2.getByRole('dialog').getByRole('button', { name: /发\s*起/ }).click();
    await v2.waitForURL(/\/cases\/\d+$/);
    const elimId = Number(/\/cases\/(\d+)$/.exec(v2.url())![1]);
    await act(v2, elimId, '完成入户核实');
    await act(v2, elimId, '村级评议通过，张贴公示', '村级评议通过');
    expect(await caseState(elimId)).toBe('publicity');

    await start('2026-09-26');
    await act(await pageAs('village'), elimId, '公示期满无异议，报乡镇审核');
    await act(await pageAs('township'), elimId, '乡镇审核通过');
    const c2 = await pageAs('county');
    await act(c2, elimId, '县级审批通过');
    await act(c2, elimId, '发布结果公告');
    const v3 = await pageAs('village');
    await act(v3, elimId, '标注风险消除');
    expect(await caseState(elimId)).toBe('done');
    await v3.goto(url(`/households/${householdId}`));
    await v3.getByText('已标注风险消除').first().waitFor();
    await v3.screenshot({ path: path.join(ARTIFACTS, 'household-eliminated.png'), fullPage: true });
    const after = (await ok('county', 'GET', `/api/households/${householdId}`)).household;
    expect(after).toMatchObject({ riskEliminated: true, eliminationMethod: 'assisted', eliminatedOn: '2026-09-26' });

    // The monthly tasks (helper H7's job, run on demand here) give the eliminated household a revisit.
    await ok('county', 'POST', '/api/followup-tasks/generate', { month: '2026-09' });
    const followup = await ok('village', 'GET', `/api/households/${householdId}/followup`);
    expect(followup.tasks.some((t: { kind: string; month: string }) => t.kind === 'revisit' && t.month === '2026-09')).toBe(true);
  }, 900_000);
});
