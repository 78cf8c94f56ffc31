/**
 * `npm run demo` / `node packages/server/dist/demo/cli.js`: prepare the configured database and load the demo
 * county if the registry is empty (same environment variables as the server).
 */
import { loadConfig } from '../config.js';
import { openDb } from '../db/open.js';
import { prepareDatabase } from '../bootstrap.js';
import { systemClock } from '../clock.js';
import { loadDemoIfEmpty } from './demo.loader.js';

async function main() {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.SHOUWANG_DATA_DIR });
  try {
    const prep = await prepareDatabase(db, config.SHOUWANG_COUNTY);
    if (prep.migrations.length) console.log(`数据库迁移完成: ${prep.migrations.join(', ')}`);
    const r = await loadDemoIfEmpty(db, {
      counties: config.SHOUWANG_COUNTY,
      scale: config.SHOUWANG_DEMO_SCALE,
      password: config.SHOUWANG_DEMO_PASSWORD,
      clock: systemClock,
    });
    const lines = [
      r.loaded ? `演示数据: 已生成 ${r.households} 户 / ${r.persons} 人` : `演示数据: 已存在 ${r.households} 户 / ${r.persons} 人（未重新生成）`,
    ];
    if (r.loaded && r.monitored) {
      lines.push(`  脱贫户 ${r.alleviated} 户; 监测户: 脱贫不稳定 ${r.monitored.unstable ?? 0} / 边缘易致贫 ${r.monitored.marginal ?? 0} / 突发严重困难 ${r.monitored.sudden ?? 0}`);
    }
    if (r.users.length) {
      lines.push(`演示账号（密码均为 ${config.SHOUWANG_DEMO_PASSWORD}）:`);
      for (const u of r.users) lines.push(`  ${u.username.padEnd(12)} ${u.label}`);
    }
    console.log(lines.join('\n'));
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
