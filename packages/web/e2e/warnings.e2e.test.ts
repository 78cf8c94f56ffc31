/**
 * Early warning in a real browser, on the demo county: the 留山镇 township cadre opens a pushed warning, signs it in and
 * records 不纳入 with a reason; the county office's 预警统计 page then shows the funnel with one more verified clue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import type { RunningApp } from './app-server.js';
import { ARTIFACTS } from './browser.js';
import { closeDemoInBrowser, loginInBrowser, openDemoInBrowser } from './session.js';

describe('warning verification in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let password: string;

  beforeAll(async () => ({ app, browser, page, password } = await openDemoInBrowser()));
  afterAll(() => closeDemoInBrowser({ app, browser }));

  const login = (username: string) => loginInBrowser(page, `${app.url}/login`, username, password);
  const session = async () => `sw_session=${(await page.context().cookies()).find((c) => c.name === 'sw_session')!.value}`;
  const get = async (url: string) => (await fetch(`${app.url}${url}`, { headers: { cookie: await session() } })).json();

  it('township signs a pushed warning in and records 不纳入; the county figures show the funnel', async () => {
    await login('county');
    const year = (await get('/api/auth/me')).user.today.slice(0, 4);
    const before = (await get(`/api/warnings/figures?period=year&year=${year}`)).total;
    expect(before.pushed).toBeGreaterThan(0);
    await page.locator('[data-testid="logout"]').click();
    await page.waitForURL(/\/login/);

    await login('township');
    await page.goto(`${app.url}/warnings?state=pushed`);
    const first = page.locator('[data-testid^="warning-link-"]').first();
    await first.waitFor();
    const pushed = await get('/api/warnings?state=pushed&pageSize=200');
    expect(pushed.total).toBeGreaterThan(0);
    expect(pushed.items.every((w: { villageCode: string }) => w.villageCode.startsWith('411321101'))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'warnings-list.png'), fullPage: true });
    await first.click();
    await page.waitForURL(/\/warnings\/\d+$/);

    await page.getByRole('button', { name: '签收并开始核实' }).click();
    const [signed] = await Promise.all([
      page.waitForResponse((r) => /\/api\/warnings\/\d+\/steps$/.test(r.url()) && r.request().method() === 'POST'),
      page.getByRole('button', { name: '确认办理' }).click(),
    ]);
    expect(signed.status(), await signed.text()).toBe(200);
    await page.getByText('乡镇核实中').first().waitFor();

    await page.getByRole('button', { name: '核实后不纳入' }).click();
    // without a reason the form refuses
    await page.getByRole('button', { name: '确认办理' }).click();
    await page.getByText('请填写理由').waitFor();
    await page.getByPlaceholder('请写明核实情况和不纳入的理由').fill('入户核实：家庭年人均纯收入高于监测范围，无返贫风险');
    await page.getByRole('button', { name: '确认办理' }).click();
    await page.getByText('核实结论').waitFor();
    await expect.poll(() => page.locator('[data-testid="warning-steps"]').innerText()).toContain('核实后不纳入');
    await page.screenshot({ path: path.join(ARTIFACTS, 'warning-detail-not-included.png'), fullPage: true });
    await page.locator('[data-testid="logout"]').click();
    await page.waitForURL(/\/login/);

    await login('county');
    await page.goto(`${app.url}/warnings/figures`);
    const card = page.locator('[data-testid="funnel-card"]');
    await card.waitFor();
    await page.locator('[data-testid="warning-funnel"] canvas').waitFor();
    expect(Number(await card.getAttribute('data-pushed'))).toBe(before.pushed);
    expect(Number(await card.getAttribute('data-verified'))).toBe(before.verified + 1);
    expect(Number(await card.getAttribute('data-included'))).toBe(before.included);
    await page.screenshot({ path: path.join(ARTIFACTS, 'warning-figures.png'), fullPage: true });
  });
});
