/**
 * 一码通 in a real browser: a farmer opens the household's QR address on a phone-sized screen (no login), picks a
 * hardship, describes it and submits, and sees 已提交; the village cadre then finds the report in 农户申报.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import type { RunningApp } from './app-server.js';
import { ARTIFACTS } from './browser.js';
import { apiLogin, closeDemoInBrowser, loginInBrowser, openDemoInBrowser } from './session.js';

describe('一码通 self-report in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let password: string;

  beforeAll(async () => ({ app, browser, password } = await openDemoInBrowser()));
  afterAll(() => closeDemoInBrowser({ app, browser }));

  it('a farmer reports from the QR page on a phone; the village sees it in 农户申报', async () => {
    // The household's code, as the village cadre's card endpoint gives it.
    const cookie = await apiLogin(app.url, 'village', password);
    const list = await (await fetch(`${app.url}/api/households?pageSize=5`, { headers: { cookie } })).json();
    const card = await (await fetch(`${app.url}/api/households/${list.items[0].id}/card`, { headers: { cookie } })).json();
    expect(card.url).toMatch(/\/r\/[0-9a-f]{32}$/);
    const publicPath = new URL(card.url).pathname;

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${app.url}${publicPath}`);
    await phone.getByText('遇到了什么困难？').waitFor();
    const description = `E2E：家里老人突发脑梗住院 ${Date.now()}`;
    await phone.getByTestId('hardship-illness').click();
    await phone.getByTestId('self-report-description').fill(description);
    await phone.getByTestId('self-report-submit').click();
    await expect.poll(() => phone.getByTestId('self-report-done').innerText(), { timeout: 15_000 }).toContain('已提交');
    await expect.poll(() => phone.getByTestId('self-report-history').first().innerText()).toContain('已提交');
    await phone.screenshot({ path: path.join(ARTIFACTS, 'self-report-phone.png'), fullPage: true });
    // The page shows no household or person data: not the head's name.
    const body = await phone.locator('body').innerText();
    if (list.items[0].headName) expect(body).not.toContain(list.items[0].headName);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await loginInBrowser(page, `${app.url}/login`, 'village', password);
    await page.goto(`${app.url}/self-reports`);
    await expect.poll(() => page.getByTestId('self-report-list').innerText(), { timeout: 15_000 }).toContain(description.slice(0, 20));
    await page.screenshot({ path: path.join(ARTIFACTS, 'self-report-village-list.png'), fullPage: true });
  });
});
