/**
 * The foundation flow in a real browser: the built app on a fresh data folder (demo county loaded on first start),
 * a village cadre logs in, sees only the households of that village, opens one, sees a masked ID, logs out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import type { RunningApp } from './app-server.js';
import { ARTIFACTS } from './browser.js';
import { closeDemoInBrowser, loginInBrowser, openDemoInBrowser } from './session.js';

describe('village cadre in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let password: string;

  beforeAll(async () => ({ app, browser, page, password } = await openDemoInBrowser()));
  afterAll(() => closeDemoInBrowser({ app, browser }));

  it('logs in, sees only its village, opens a household with a masked ID, logs out', async () => {
    const me = await (await fetch(`${app.url}/api/health`)).json();
    expect(me.status).toBe('ok');

    await loginInBrowser(page, `${app.url}/`, 'village', password);
    await page.waitForURL(/\/households/);
    await page.locator('[data-testid="household-row"]').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'village-households.png'), fullPage: true });

    // The village's own code, from the API as this user sees it, and the rows shown: all from that village.
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'sw_session')!;
    const meJson = await (await fetch(`${app.url}/api/auth/me`, { headers: { cookie: `sw_session=${session.value}` } })).json();
    const villageName: string = meJson.user.areaName;
    const rows = page.locator('[data-testid="household-row"]');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expect.poll(() => rows.nth(i).innerText()).toContain(villageName);
    const list = await (await fetch(`${app.url}/api/households?pageSize=200`, { headers: { cookie: `sw_session=${session.value}` } })).json();
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((h: { villageCode: string }) => h.villageCode))).toEqual(new Set([meJson.user.areaCode]));

    await rows.first().click();
    await page.waitForURL(/\/households\/\d+$/);
    const masked = page.locator('[data-testid="member-id"]').first();
    await masked.waitFor();
    expect(await masked.innerText()).toMatch(/^\d{4}\*{10,14}\d{3}[\dX]$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'village-household-detail.png'), fullPage: true });

    await page.locator('[data-testid="logout"]').click();
    await page.waitForURL(/\/login/);
    const after = await fetch(`${app.url}/api/auth/me`, { headers: { cookie: `sw_session=${session.value}` } });
    expect(after.status).toBe(401);
  });
});
