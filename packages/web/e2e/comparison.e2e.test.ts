/**
 * 信息比对 in a real browser, on the demo county: the 医保局 department user uploads a real .xlsx (built here with
 * ExcelJS, columns as the upload page's template lists them) with out-of-pocket amounts above the thresholds for an
 * 一般农户 and a 脱贫人口, one below, one invalid ID and one unknown ID; the run finishes, the page shows the
 * invalid/unmatched counts, the run's hits with their explanations, and the warning shows why it was flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningApp } from './app-server.js';
import { ARTIFACTS } from './browser.js';
import { apiLogin as apiLoginAs, closeDemoInBrowser, loginInBrowser, openDemoInBrowser } from './session.js';

/** GB 11643 check character of the first 17 digits. */
function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

interface Person { name: string; idNumber: string }

describe('信息比对 upload in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let password: string;
  let workDir: string;

  beforeAll(async () => {
    ({ app, browser, page, password } = await openDemoInBrowser());
    workDir = mkdtempSync(path.join(tmpdir(), 'shouwang-comparison-e2e-'));
  });
  afterAll(async () => {
    await closeDemoInBrowser({ app, browser });
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const apiLogin = (username: string) => apiLoginAs(app.url, username, password);
  const call = async (cookie: string, url: string, method = 'GET') => {
    const res = await fetch(`${app.url}${url}`, { method, headers: { cookie } });
    expect(res.status, url).toBe(200);
    return res.json();
  };

  /** Heads of households of a type (not monitored) with a resident ID, their full IDs revealed by the county office. */
  const heads = async (cookie: string, householdType: 'ordinary' | 'alleviated', n: number, skip: number): Promise<Person[]> => {
    const list = await call(cookie, `/api/households?householdType=${householdType}&monitorCategory=none&pageSize=40&page=2`);
    const out: Person[] = [];
    for (const h of list.items.slice(skip) as { id: number }[]) {
      const d = await call(cookie, `/api/households/${h.id}`);
      const head = (d.members as { id: number; name: string; relation: string; idType: string }[]).find((m) => m.relation === 'head' && m.idType === 'resident_id');
      if (!head) continue;
      const { idNumber } = await call(cookie, `/api/persons/${head.id}/reveal`, 'POST');
      out.push({ name: head.name, idNumber });
      if (out.length === n) break;
    }
    expect(out.length).toBe(n);
    return out;
  };

  it('the 医保局 user uploads an Excel file and sees the hits with their explanations and the problem rows', async () => {
    const county = await apiLogin('county');
    const [ordinaryHigh, ordinaryLow] = await heads(county, 'ordinary', 2, 0);
    const [alleviatedHigh] = await heads(county, 'alleviated', 1, 5);

    // The columns as the upload page's template gives them to the department.
    const dept = await apiLogin('dept');
    const families = await call(dept, '/api/comparison/families');
    const medical = (families.items as { family: string; columns: { key: string; label: string; required: boolean }[]; activeRules: { code: string; version: number; label: string }[] }[])
      .find((f) => f.family === 'medical');
    expect(medical, JSON.stringify(families)).toBeDefined();
    const keys = medical!.columns.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['idNumber', 'name', 'outOfPocket12m']));
    const rule = medical!.activeRules.find((r) => r.code === 'medical.out_of_pocket')!;
    expect(rule).toBeDefined();

    const badBase = ordinaryHigh!.idNumber.slice(0, 17);
    const invalidId = badBase + (checkChar(badBase) === '1' ? '2' : '1');
    const unknownBase = '11010519750612037';
    const unknownId = unknownBase + checkChar(unknownBase);
    const values: Record<string, string | number>[] = [
      { idNumber: ordinaryHigh!.idNumber, name: ordinaryHigh!.name, outOfPocket12m: 23450, totalCost12m: 68200, seriousIllness: '是' },
      { idNumber: alleviatedHigh!.idNumber, name: alleviatedHigh!.name, outOfPocket12m: 6800, totalCost12m: 21000, seriousIllness: '否' },
      { idNumber: ordinaryLow!.idNumber, name: ordinaryLow!.name, outOfPocket12m: 12000, totalCost12m: 30000, seriousIllness: '否' },
      { idNumber: invalidId, name: '号码错误', outOfPocket12m: 26000, totalCost12m: 70000, seriousIllness: '是' },
      { idNumber: unknownId, name: '外省人员', outOfPocket12m: 40000, totalCost12m: 120000, seriousIllness: '是' },
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('医保数据');
    ws.addRow(medical!.columns.map((c) => c.label));
    for (const v of values) ws.addRow(keys.map((k) => v[k] ?? ''));
    const fileName = `医保局自付费用E2E${Date.now()}.xlsx`;
    const filePath = path.join(workDir, fileName);
    await wb.xlsx.writeFile(filePath);

    // In the browser: the dept user on 上传比对数据.
    await loginInBrowser(page, `${app.url}/login`, 'dept', password);
    await page.getByRole('menuitem', { name: '上传比对数据' }).click();
    await page.waitForURL(/\/comparison\/upload$/);
    await page.getByText('医保个人自付费用高（近12个月）（v1）').waitFor();
    await page.locator('input[type="file"]').setInputFiles(filePath);
    const progress = page.getByTestId('run-progress');
    await progress.waitFor();
    await page.getByTestId('run-detail-link').waitFor({ timeout: 60_000 });
    await expect.poll(() => progress.innerText()).toContain('已完成');
    const counts = page.getByTestId('run-counts');
    const countsText = await counts.innerText();
    expect(countsText).toMatch(/数据行\s*5/);
    expect(countsText).toMatch(/匹配到人员\s*3/);
    expect(countsText).toMatch(/证件号码无效\s*1/);
    expect(countsText).toMatch(/未匹配\s*1/);
    expect(countsText).toMatch(/命中规则\s*2/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'comparison-upload-done.png'), fullPage: true });

    // The run: its hits with the explanation, and the problem rows.
    await page.getByTestId('run-detail-link').click();
    await page.waitForURL(/\/comparison\/runs\/\d+$/);
    const hits = page.getByTestId('hits-table');
    await expect.poll(() => hits.innerText()).toContain('医保个人自付 23,450 元 ≥ 20,000 元（一般农户，规则 medical.out_of_pocket v1）');
    const hitsText = await hits.innerText();
    expect(hitsText).toContain('医保个人自付 6,800 元 ≥ 5,000 元（脱贫人口，规则 medical.out_of_pocket v1）');
    expect(hitsText).toContain(ordinaryHigh!.name);
    expect(hitsText).toContain(alleviatedHigh!.name);
    expect(hitsText).not.toContain('12,000');
    await page.screenshot({ path: path.join(ARTIFACTS, 'comparison-run-hits.png'), fullPage: true });

    await page.getByRole('tab', { name: /问题行（2）/ }).click();
    const issues = page.getByRole('tabpanel', { name: /问题行/ });
    await expect.poll(() => issues.innerText()).toContain('证件号码无效');
    const issuesText = await issues.innerText();
    expect(issuesText).toContain('未匹配到人员（不在农户台账和农村人口底册中）');
    expect(issuesText).toContain('外省人员');
    // The department user sees ID numbers masked, also in the row issues.
    expect(issuesText).toContain(`${invalidId.slice(0, 4)}**********${invalidId.slice(-4)}`);
    expect(issuesText).not.toContain(invalidId);
    expect(issuesText).toContain('身份证号码校验位错误');
    await page.screenshot({ path: path.join(ARTIFACTS, 'comparison-run-issues.png'), fullPage: true });

    // The warning of the 一般农户's hit: why it was flagged — rule and version, file and row, the value and its threshold.
    await page.getByRole('tab', { name: /命中明细/ }).click();
    const row = hits.locator('tr', { hasText: '23,450' });
    await row.getByRole('link', { name: /预警 #\d+/ }).click();
    await page.waitForURL(/\/warnings\/\d+$/);
    const why = page.getByTestId('hit-explanation').filter({ hasText: fileName }).first();
    await why.waitFor();
    const whyText = await why.innerText();
    expect(whyText).toContain('规则 medical.out_of_pocket v1');
    expect(whyText).toContain(`文件 ${fileName} 第 2 行`);
    expect(whyText).toContain('医保个人自付费用高（近12个月）');
    expect(whyText).toContain('医保个人自付 23,450 元 ≥ 20,000 元（一般农户，规则 medical.out_of_pocket v1）');
    const triggers = why.getByTestId('hit-triggers');
    await expect.poll(() => triggers.innerText()).toContain('23,450');
    expect(await triggers.innerText()).toContain('≥ 20,000');
    await page.screenshot({ path: path.join(ARTIFACTS, 'comparison-warning-explanation.png'), fullPage: true });
  });

  it('the county office reads why each kind of demo warning was flagged (信息比对, 部门推送, 一码通, 排查走访)', async () => {
    const county = await apiLogin('county');
    await page.context().clearCookies();
    await loginInBrowser(page, `${app.url}/login`, 'county', password);
    const expected: Record<string, string[]> = {
      comparison: ['信息比对', '触发字段', '文件中的值', '阈值 / 条件', '规则编号与版本', '数据文件'],
      instant: ['部门即时推送', '推送人', '风险类型', '对象匹配'],
      self_report: ['农户自主申报', '申报渠道', '一码通', '申报的困难'],
      screening: ['排查走访', '排查轮次', '走访人', '发现的风险'],
    };
    for (const [source, texts] of Object.entries(expected)) {
      const list = await call(county, `/api/warnings?source=${source}&pageSize=1`);
      expect(list.total, source).toBeGreaterThan(0);
      await page.goto(`${app.url}/warnings/${list.items[0].id}`);
      const why = page.getByTestId('hit-explanation').first();
      await why.waitFor();
      const text = await why.innerText();
      for (const t of texts) expect(text, `${source}: ${text}`).toContain(t);
      expect(text).not.toContain('{');
      await page.screenshot({ path: path.join(ARTIFACTS, `warning-explanation-${source}.png`), fullPage: true });
    }
  });
});
