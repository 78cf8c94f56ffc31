/** Signing in for the e2e tests: the demo password the app prints, the login form in the browser, an API session. */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBuiltApp, type RunningApp } from './app-server.js';
import { launchChromium } from './browser.js';

/** The demo users' password, as the app prints it on first start ("…密码均为 X）"). */
export function demoPassword(app: RunningApp): string {
  const password = /密码均为 (\S+?)）/.exec(app.output())?.[1] ?? '';
  expect(password, app.output()).not.toBe('');
  return password;
}

/** Open `url` (a page that shows the login form, e.g. `${app.url}/login`), sign in, wait until off the login page. */
export async function loginInBrowser(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Sign in through the API; returns the session cookie (`sw_session=…`) for fetch headers. */
export async function apiLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  return /sw_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}

/** The demo app started fresh with Chromium and one desktop page: what most e2e files begin with. */
export interface DemoInBrowser { app: RunningApp; browser: Browser; page: Page; password: string }

export async function openDemoInBrowser(): Promise<DemoInBrowser> {
  const app = await startBuiltApp();
  const password = demoPassword(app);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  return { app, browser, page, password };
}

export async function closeDemoInBrowser(d: Partial<DemoInBrowser>): Promise<void> {
  await d.browser?.close();
  await d.app?.stop();
}
