/** Composition root: config → database → bootstrap (+ demo county on first start) → services → app → listen. */
import { readFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import { openDb } from './db/open.js';
import { prepareDatabase } from './bootstrap.js';
import { createServices } from './services.js';
import { buildApp } from './app.js';
import { clockStartingAt, systemClock } from './clock.js';
import { loadDemoIfEmpty } from './demo/demo.loader.js';
import { startScheduler } from './jobs/scheduler.js';

const version: string = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;

async function main() {
  const config = loadConfig();
  const started = Date.now();
  const clock = config.SHOUWANG_TODAY ? clockStartingAt(config.SHOUWANG_TODAY) : systemClock;
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.SHOUWANG_DATA_DIR });
  const prep = await prepareDatabase(db, config.SHOUWANG_COUNTY);
  if (prep.migrations.length) console.log(`数据库迁移完成: ${prep.migrations.join(', ')}`);
  const demo = config.SHOUWANG_DEMO === 'auto'
    ? await loadDemoIfEmpty(db, { counties: config.SHOUWANG_COUNTY, scale: config.SHOUWANG_DEMO_SCALE, password: config.SHOUWANG_DEMO_PASSWORD, clock })
    : null;
  const services = createServices(db, clock, config);
  startScheduler(services, config); // daily 月度任务 + nightly 数据质量检查; stops itself on SIGINT/SIGTERM
  const app = await buildApp(services, {
    bodyLimit: config.BODY_LIMIT_BYTES, cookieSecure: config.COOKIE_SECURE, logLevel: config.LOG_LEVEL,
    webDist: config.webDist, counties: config.SHOUWANG_COUNTY, version,
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const lines = [
    '',
    `守望 Shouwang ${version} 已启动 (${db.engine === 'pglite' ? `PGlite, 数据目录 ${config.SHOUWANG_DATA_DIR}` : 'PostgreSQL'}) — 用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
    `  网页:     ${url}/`,
    `  接口文档: ${url}/api/docs`,
  ];
  if (config.SHOUWANG_TODAY) lines.push(`  系统日期: 按 ${config.SHOUWANG_TODAY} 运行（SHOUWANG_TODAY，仅用于演示、培训和测试）`);
  if (demo?.users.length) {
    lines.push(demo.loaded ? `  演示数据: 已生成 ${demo.households} 户 / ${demo.persons} 人` : '  演示数据: 已存在（未重新生成）');
    lines.push(`  演示账号（密码均为 ${config.SHOUWANG_DEMO_PASSWORD}）:`);
    for (const u of demo.users) lines.push(`    ${u.username.padEnd(16)} ${u.label}`);
  }
  console.log(lines.join('\n') + '\n');

  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
