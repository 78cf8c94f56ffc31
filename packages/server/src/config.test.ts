import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, SHOUWANG_COUNTY: ['411321'], SHOUWANG_DATA_DIR: './data', SHOUWANG_DEMO: 'auto' });
    expect(c.DATABASE_URL).toBeUndefined();
  });
  it('treats an empty DATABASE_URL as unset', () => expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined());
  it('parses several counties', () => expect(loadConfig({ SHOUWANG_COUNTY: '411321, 411323' }).SHOUWANG_COUNTY).toEqual(['411321', '411323']));
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ SHOUWANG_COUNTY: '4113' }, 'SHOUWANG_COUNTY'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ SHOUWANG_DEMO: 'yes' }, 'SHOUWANG_DEMO'],
    [{ SHOUWANG_TODAY: '2026-13-01' }, 'SHOUWANG_TODAY'],
  ])('stops on bad config %o naming %s', (env, name) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(name);
  });
});
