/**
 * Starts the built app (the same entry point as `npm start`) on a free port, on a fresh data folder (removed by
 * `stop`) or on an existing one given as `dataDir` (left in place: whoever created it removes it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface RunningApp { url: string; dataDir: string; output: () => string; stop: () => Promise<void> }

/** A fresh, empty data folder for the app; the caller removes it. */
export const makeDataDir = (): string => mkdtempSync(path.join(tmpdir(), 'shouwang-e2e-'));

/**
 * A port the OS says is free, from its ephemeral range — which holds none of the ports fetch and Chromium refuse
 * ("bad ports" such as 4045 or 6000; a random pick from a fixed low range sometimes hit one).
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startBuiltApp(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<RunningApp> {
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? makeDataDir();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'packages/server/dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SHOUWANG_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${out}`)), 200_000);
    child.stdout!.on('data', () => {
      if (out.includes('网页:')) { clearTimeout(timer); resolve(); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`app exited with ${code}:\n${out}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
