/**
 * The "5+2" quarter in a real browser: a department files its December self-check, the office records a meeting
 * (with an absence) and a verification finding; then the app runs again on the same data as of a day after the
 * quarter closed: the office computes and publishes the 2026 Q4 ranking and drafts the notice, the leader approves
 * it, the department reads it.
 *
 * Every step goes through the UI. The API is used only to read and verify. The browser's clock is set to the same
 * day as the server's SHOUWANG_TODAY, because the pages take "today" from the browser (month and quarter defaults and
 * which quarters can be picked).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { makeDataDir, startBuiltApp, type RunningApp } from './app-server.js';
import { ARTIFACTS, launchChromium } from './browser.js';
import { apiLogin, demoPassword, loginInBrowser } from './session.js';

const PHASE1_TODAY = '2026-12-28';
const PHASE2_TODAY = '2027-01-08';
const DEPT = 'medical_insurance';
const DEPT_NAME = '县医保局';
const MEETING_TITLE = '2026年12月“5+2”联动机制推进会（端到端测试）';
const PROBLEM = '端到端测试：部分监测对象参保信息与公安户籍数据不一致';
const SEED = 'e2e-2026-11';

describe('a linkage quarter in Chromium', () => {
  const dataDir = makeDataDir();
  let app: RunningApp | undefined;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let password = '';
  /** The steps build on each other: after a failure, the later ones are skipped. */
  let failed = false;
  const ids: { selfCheck?: number; meeting?: number; round?: number; ranking?: number; notice?: number } = {};

  async function start(today: string) {
    await context?.close();
    await app?.stop();
    app = await startBuiltApp({ SHOUWANG_TODAY: today }, { dataDir });
    password = demoPassword(app);
    expect(app.output()).toContain(`按 ${today} 运行`);
    // The browser keeps its own (real) clock: the pages take their date defaults from the server's date.
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
  }

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `linkage-quarter-${name}.png`), fullPage: true });

  async function login(username: string) {
    await loginInBrowser(page, `${app!.url}/login`, username, password);
  }

  async function logout() {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
  }

  /** Read-only API calls as a user (its own session, not the browser's). */
  async function apiAs(username: string) {
    const cookie = await apiLogin(app!.url, username, password);
    return async <T>(p: string): Promise<T> => {
      const r = await fetch(`${app!.url}/api${p}`, { headers: { cookie } });
      expect(r.status, `GET ${p}`).toBe(200);
      return (await r.json()) as T;
    };
  }

  /** The open dropdown of an antd Select: pick the option with exactly this text. */
  async function pick(select: Locator, option: string) {
    await select.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: new RegExp(`^${option.replace(/[()（）]/g, '.')}$`) }).click();
  }

  /** Type a date into an antd DatePicker input and confirm it. */
  async function typeDate(input: Locator, date: string) {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(date);
  }

  /** Confirm the open Popconfirm with its OK button. */
  const confirmPopup = (okText: RegExp) => page.locator('.ant-popconfirm:not(.ant-popover-hidden)').getByRole('button', { name: okText }).click();

  const dialog = (title: string) => page.getByRole('dialog').filter({ hasText: title });

  beforeAll(async () => {
    browser = await launchChromium();
    await start(PHASE1_TODAY);
  });
  beforeEach((ctx) => {
    if (failed) ctx.skip();
    ctx.onTestFailed(() => {
      failed = true;
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the department files its December self-check with one problem', async () => {
    await login('dept');
    await page.goto(`${app!.url}/linkage/self-checks?month=2026-12`);
    await expect.poll(() => page.getByText('2026年12月自查报告：').isVisible()).toBe(true);
    await page.getByTestId('self-check-new').click();
    await page.waitForURL(/\/linkage\/self-checks\/\d+$/);
    ids.selfCheck = Number(/\/(\d+)$/.exec(page.url())![1]);
    await page.getByText(`${DEPT_NAME} · 2026年12月自查报告`).waitFor();

    await page.getByTestId('self-check-add-problem').click();
    const problem = dialog('登记问题');
    await problem.getByLabel('问题描述').fill(PROBLEM);
    await problem.getByLabel('整改措施').fill('与公安部门逐人比对户籍信息，更正参保登记');
    await problem.getByLabel('整改责任人').fill('王建国');
    await typeDate(problem.getByLabel('整改时限'), '2027-02-26');
    await problem.getByRole('button', { name: /保\s*存/ }).click();
    await problem.waitFor({ state: 'hidden' });
    await page.getByTestId('rectification-table').getByText(PROBLEM).waitFor();

    await page.getByTestId('self-check-summary').fill('本月对参保资助、医疗救助开展自查，发现问题1个，已制定整改措施。');
    await page.getByTestId('self-check-submit').click();
    await confirmPopup(/提\s*交/);
    await page.getByTestId('self-check-submit').waitFor({ state: 'detached' });
    const header = page.locator('.ant-descriptions').first();
    await expect.poll(() => header.innerText()).toContain('已提交');
    expect(await header.innerText()).toContain('按时提交');
    await shot('1-self-check-submitted');

    const get = await apiAs('dept');
    const detail = await get<{ selfCheck: { status: string; submittedLate: boolean; dueDate: string }; problems: { problem: string; deadline: string }[] }>(`/self-checks/${ids.selfCheck}`);
    expect(detail.selfCheck).toMatchObject({ status: 'submitted', submittedLate: false, dueDate: '2027-01-05' });
    expect(detail.problems).toMatchObject([{ problem: PROBLEM, deadline: '2027-02-26' }]);
    await logout();
  });

  it('the office records a meeting with an absence and a verification finding', async () => {
    await login('county');
    await page.goto(`${app!.url}/linkage/meetings`);
    await page.getByTestId('meeting-new').click();
    const form = dialog('新建会议');
    await pick(form.getByTestId('meeting-kind'), '推进会');
    await typeDate(form.getByLabel('会议日期'), '2026-12-26');
    await form.getByTestId('meeting-title').fill(MEETING_TITLE);
    await form.getByLabel('会议议程').fill('一、通报11月自查报送情况\n二、安排部署第四季度收尾工作');
    await form.getByRole('button', { name: /创\s*建/ }).click();
    await page.waitForURL(/\/linkage\/meetings\/\d+$/);
    ids.meeting = Number(/\/(\d+)$/.exec(page.url())![1]);
    await page.getByRole('heading', { name: MEETING_TITLE }).waitFor();

    const row = page.getByTestId('meeting-attendance').locator('tr').filter({ hasText: DEPT_NAME });
    await pick(row.getByTestId(`attendance-status-${DEPT}`), '缺席');
    await row.getByPlaceholder('如 请假事由、迟到早退等').fill('未请假缺席');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/meetings/${ids.meeting}/attendance`) && r.request().method() === 'PUT');
    await page.getByTestId('meeting-attendance-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('meeting-attendance-save').isDisabled()).toBe(true);
    await shot('2-meeting-attendance');

    await page.goto(`${app!.url}/linkage/verification`);
    await page.getByTestId('verification-new').click();
    const round = dialog('发起月度核查');
    // last month by default (the month picker's input is not tied to its label: found by its class)
    expect(await round.locator('.ant-picker input').first().inputValue()).toBe('2026年11月');
    await round.getByLabel('随机种子').fill(SEED);
    await page.getByTestId('verification-new-submit').click();
    await page.waitForURL(/[?&]round=\d+/);
    ids.round = Number(/[?&]round=(\d+)/.exec(page.url())![1]);
    await expect.poll(() => page.getByTestId('verification-seed').innerText()).toBe(SEED);

    const sampled = page.getByTestId('verification-sample').locator('tr').filter({ hasText: '自查报告' }).filter({ has: page.getByTestId('finding-new') }).first();
    await sampled.getByTestId('finding-new').click();
    const finding = page.getByRole('dialog').filter({ hasText: '登记核查结果' });
    await finding.getByRole('radio', { name: '属实', exact: true }).check();
    await finding.getByLabel('核查说明').fill('实地查看自查台账，自查开展情况属实');
    await page.getByTestId('finding-submit').click();
    await finding.waitFor({ state: 'hidden' });
    await page.getByText('核查结果（1）').waitFor();
    await shot('2-verification-finding');

    const get = await apiAs('county');
    const meeting = await get<{ meeting: { heldOn: string; kind: string }; attendance: { departmentCode: string; status: string }[] }>(`/meetings/${ids.meeting}`);
    expect(meeting.meeting).toMatchObject({ heldOn: '2026-12-26', kind: 'progress' });
    expect(meeting.attendance.find((a) => a.departmentCode === DEPT)?.status).toBe('absent');
    expect(meeting.attendance.filter((a) => a.status !== 'present')).toHaveLength(1);
    const detail = await get<{ round: { month: string; seed: string }; findings: { targetType: string; verdict: string }[] }>(`/verification-rounds/${ids.round}`);
    expect(detail.round).toMatchObject({ month: '2026-11', seed: SEED });
    expect(detail.findings).toMatchObject([{ targetType: 'self_check', verdict: 'confirms' }]);
    await logout();
  });

  it('after the quarter closes, the office computes and publishes the Q4 ranking and drafts the notice', async () => {
    await start(PHASE2_TODAY);
    await login('county');
    await page.goto(`${app!.url}/linkage/rankings`);
    await page.getByTestId('ranking-compute').click();
    const compute = dialog('计算季度排序');
    // the quarter that just ended is offered
    await expect.poll(() => compute.locator('.ant-select').allInnerTexts()).toEqual(['2026年', '第四季度']);
    await page.getByTestId('ranking-compute-submit').click();
    await page.waitForURL(/\/linkage\/rankings\/\d+$/);
    ids.ranking = Number(/\/(\d+)$/.exec(page.url())![1]);
    await page.getByText('2026年第四季度排序 · 第1版').waitFor();
    await page.getByTestId('ranking-publish').click();
    await confirmPopup(/发\s*布/);
    await page.getByTestId('ranking-publish').waitFor({ state: 'detached' });
    await page.getByRole('heading').filter({ hasText: '已发布' }).waitFor();

    const tables = page.getByTestId('ranking-table');
    await expect.poll(() => tables.count()).toBe(3);
    expect(await tables.locator('tbody > tr.ant-table-row').count()).toBe(26);
    for (const cls of ['紧密型部门', '相关部门', '紧急预警部门']) await page.getByText(new RegExp(`^${cls}（\\d+个）$`)).waitFor();
    await expect.poll(() => tables.locator('tbody > tr.ant-table-row').filter({ hasText: DEPT_NAME }).count()).toBe(1);
    await shot('3-ranking-published');

    const get = await apiAs('county');
    const ranking = await get<{ ranking: { year: number; quarter: number; status: string; asOf: string }; entries: { class: string; departmentCode: string }[] }>(`/linkage/rankings/${ids.ranking}`);
    expect(ranking.ranking).toMatchObject({ year: 2026, quarter: 4, status: 'published' });
    // the server's day (SHOUWANG_TODAY at start, running on with the real time of day)
    expect([PHASE2_TODAY, '2027-01-09']).toContain(ranking.ranking.asOf);
    expect(ranking.entries).toHaveLength(26);
    expect(new Set(ranking.entries.map((e) => e.class))).toEqual(new Set(['close', 'related', 'emergency']));

    // 县医保局's explanation carries the absence of 2026-12-26
    await page.goto(`${app!.url}/linkage/scores/${DEPT}?year=2026&quarter=4`);
    const absence = page.getByTestId('score-line').filter({ hasText: '例会缺席' });
    await absence.first().waitFor();
    expect(await absence.count()).toBe(1);
    // one absence × −2, the record being the meeting of 2026-12-26 (linked)
    expect(await absence.innerText()).toMatch(/"5\+2"例会缺席\s+—\s+1次 × -2\s+-2\s+例会\s*2026-12-26 /);
    const ref = absence.getByRole('link', { name: `2026-12-26 ${MEETING_TITLE}` });
    expect(await ref.getAttribute('href')).toBe(`/linkage/meetings/${ids.meeting}`);
    await shot('3-score-explanation');

    await page.goto(`${app!.url}/linkage/notices`);
    await page.getByTestId('notice-create').click();
    await pick(page.getByTestId('notice-ranking-select'), '2026年第四季度（第1版）');
    await page.getByTestId('notice-create-submit').click();
    await page.waitForURL(/\/linkage\/notices\/\d+$/);
    ids.notice = Number(/\/(\d+)$/.exec(page.url())![1]);
    await page.getByRole('heading').filter({ hasText: '待审核' }).waitFor();
    await page.getByTestId('notice-body').waitFor();
    await shot('3-notice-draft');
    await logout();
  });

  it('the leader approves the notice, which delivers it', async () => {
    await login('leader');
    await page.goto(`${app!.url}/linkage/notices`);
    const row = page.locator('tr.ant-table-row').filter({ hasText: '2026年第四季度' });
    await expect.poll(() => row.innerText()).toContain('待审核');
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/linkage/notices/${ids.notice}$`));
    await page.getByTestId('notice-approve').click();
    await confirmPopup(/同意并送达/);
    await page.getByRole('heading').filter({ hasText: '已送达' }).waitFor();
    await page.getByText('0/26 已阅').waitFor();
    await shot('4-notice-approved');
    await logout();
  });

  it('the department sees the delivered notice and marks it read', async () => {
    await login('dept');
    await page.goto(`${app!.url}/linkage/notices`);
    const row = page.locator('tr.ant-table-row').filter({ hasText: '2026年第四季度' });
    await expect.poll(() => row.innerText()).toContain('未阅');
    expect(await row.innerText()).toContain('已送达');
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/linkage/notices/${ids.notice}$`));
    await page.getByTestId('notice-read').click();
    await page.getByText(/本部门已于 .+ 签收/).waitFor();
    await shot('5-notice-read');
    await logout();

    const get = await apiAs('county');
    const notice = await get<{ notice: { status: string; year: number; quarter: number }; receipts: { departmentCode: string; readAt: string | null; readByName: string | null }[] }>(`/linkage/notices/${ids.notice}`);
    expect(notice.notice).toMatchObject({ status: 'delivered', year: 2026, quarter: 4 });
    expect(notice.receipts).toHaveLength(26);
    const mine = notice.receipts.find((r) => r.departmentCode === DEPT)!;
    // the time itself is the machine's (the server stamps receipts with the database's now(), not SHOUWANG_TODAY)
    expect(mine.readAt).not.toBeNull();
    expect(mine.readByName).toBeTruthy();
    expect(notice.receipts.filter((r) => r.readAt)).toHaveLength(1);
  });
});
