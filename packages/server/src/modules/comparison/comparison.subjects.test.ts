import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARISON_RULES, makeIdCard, rowIdNumber } from '@shouwang/domain';
import { IdTable, SubjectIndex, fastIdNumber, idKey, idKeyAt, ymdNumber } from './comparison.subjects.js';
import { LISTED_ROWS, runEngine, type TabularRowLike } from './comparison.engine.js';

const TODAY = '2026-11-22';
const todayYmd = ymdNumber(TODAY);

/** A deterministic pseudo-random generator (the test must not depend on Math.random). */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('fastIdNumber agrees with the domain rowIdNumber', () => {
  const valid = makeIdCard('411321', '19880101', 123);
  const cases: [string, string][] = [
    ['valid', valid],
    ['valid X check', (() => { for (let s = 1; s < 999; s++) { const id = makeIdCard('411321', '19900101', s); if (id.endsWith('X')) return id; } throw new Error('no X'); })()],
    ['lower-case x', (() => { for (let s = 1; s < 999; s++) { const id = makeIdCard('411321', '19900101', s); if (id.endsWith('X')) return id.slice(0, 17) + 'x'; } throw new Error('no X'); })()],
    ['wrong check digit', valid.slice(0, 17) + ((Number(valid[17]) + 1) % 10)],
    ['spaces around', ` ${valid} `],
    ['full-width digits', valid.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
    ['17 digits', valid.slice(0, 17)],
    ['province 10', makeIdCard('101321', '19880101', 1)],
    ['province 83', makeIdCard('831321', '19880101', 1)],
    ['province 82', makeIdCard('821321', '19880101', 1)],
    ['year 1879', makeIdCard('411321', '18791231', 1)],
    ['year 1880', makeIdCard('411321', '18800101', 1)],
    ['month 13', makeIdCard('411321', '19881301', 1)],
    ['day 0', makeIdCard('411321', '19880100', 1)],
    ['29 Feb leap', makeIdCard('411321', '20000229', 1)],
    ['29 Feb 1900', makeIdCard('411321', '19000229', 1)],
    ['31 April', makeIdCard('411321', '19880431', 1)],
    ['born today', makeIdCard('411321', '20261122', 1)],
    ['born tomorrow', makeIdCard('411321', '20261123', 1)],
    ['disability card 20', `${valid}12`],
    ['letters', 'ABCDEFGHIJKLMNOPQR'],
    ['empty', ''],
  ];
  it.each(cases)('%s', (_label, raw) => {
    const domain = rowIdNumber(raw, { today: TODAY });
    const fast = fastIdNumber(raw, todayYmd);
    if (fast) {
      expect(domain).toEqual({ ok: true, idNumber: raw });
    } else if (domain.ok) {
      // Not decided on the fast path: only for inputs that are not already in normalised form.
      expect(domain.idNumber).not.toBe(raw);
    }
  });

  it('on 20,000 random near-valid numbers', () => {
    const rnd = rng(7);
    let accepted = 0;
    for (let n = 0; n < 20_000; n++) {
      const y = 1870 + Math.floor(rnd() * 170);
      const ymd = `${y}${String(1 + Math.floor(rnd() * 13)).padStart(2, '0')}${String(Math.floor(rnd() * 32)).padStart(2, '0')}`;
      const prov = String(10 + Math.floor(rnd() * 75));
      let id = makeIdCard(`${prov}1321`, ymd, 1 + Math.floor(rnd() * 998));
      if (rnd() < 0.2) id = id.slice(0, 17) + '0123456789X'[Math.floor(rnd() * 11)];
      const domain = rowIdNumber(id, { today: TODAY });
      const fast = fastIdNumber(id, todayYmd);
      expect(fast, id).toBe(domain.ok);
      if (fast) accepted++;
    }
    expect(accepted).toBeGreaterThan(1_000);
  });
});

describe('IdTable and SubjectIndex', () => {
  it('keys are exact and the table grows', () => {
    const t = new IdTable(4);
    const ids = Array.from({ length: 5_000 }, (_, i) => makeIdCard('411321', '19800101', (i % 999) + 1).slice(0, 6) + String(19800101 + (i % 28)) + String(i % 1000).padStart(3, '0') + 'X');
    ids.forEach((id, i) => { expect(idKeyAt(id, 0)).toBe(true); t.add(idKey.hi, idKey.lo, i); });
    expect(t.size).toBe(new Set(ids).size);
    ids.forEach((id) => { idKeyAt(id, 0); expect(t.get(idKey.hi, idKey.lo)).toBe(ids.indexOf(id)); });
    expect(idKeyAt('41132119800101001Y', 0)).toBe(false);
    idKeyAt('411321198001010019', 0);
    expect(t.get(idKey.hi, idKey.lo)).toBe(-1);
  });

  it('the registry wins over the roster; groups follow the domain', () => {
    const s = new SubjectIndex();
    const a = makeIdCard('411321', '19700101', 11);
    const b = makeIdCard('411321', '19700101', 13);
    s.addRegistryPerson(a, { personId: '7', householdId: '3', householdType: 'alleviated', monitored: false });
    s.addRosterPerson(a, 99);
    s.addRosterPerson(b, 100);
    s.addRosterPerson('not-an-id', 101);
    expect(s.size).toBe(2);
    idKeyAt(a, 0);
    const ia = s.find(idKey.hi, idKey.lo);
    expect(s.isRegistry(ia)).toBe(true);
    expect(s.group(ia)).toBe('alleviated');
    expect(s.registryPerson(ia)).toEqual({ personId: '7', householdId: '3', householdType: 'alleviated', monitored: false });
    idKeyAt(b, 0);
    const ib = s.find(idKey.hi, idKey.lo);
    expect(s.isRegistry(ib)).toBe(false);
    expect(s.rosterId(ib)).toBe(100);
    expect(s.group(ib)).toBe('ordinary');
    // Loaded the other way round (the loads interleave), the registry still wins.
    s.addRegistryPerson(b, { personId: '8', householdId: '4', householdType: 'ordinary', monitored: true });
    expect(s.size).toBe(2);
    expect(s.isRegistry(ib)).toBe(true);
    expect(s.group(ib)).toBe('monitored');
    expect(s.registryPerson(ib)).toMatchObject({ personId: '8', householdId: '4' });
    s.addRegistryPerson(b, { personId: '9', householdId: '5', householdType: 'ordinary', monitored: false });
    expect(s.registryPerson(ib)).toMatchObject({ personId: '8' });
  });
});

describe('runEngine repeated IDs', () => {
  const rule = DEFAULT_COMPARISON_RULES.find((r) => r.code === 'medical.out_of_pocket')!;
  const person = makeIdCard('411321', '19700101', 11);
  const other = makeIdCard('411321', '19700101', 13);
  const subjects = new SubjectIndex();
  subjects.addRegistryPerson(person, { personId: '1', householdId: '1', householdType: 'ordinary', monitored: false });
  subjects.addRegistryPerson(other, { personId: '2', householdId: '1', householdType: 'ordinary', monitored: false });

  async function run(rows: string[][]) {
    const batch: TabularRowLike[] = rows.map((cells, i) => ({ rowNumber: i + 2, cells }));
    return runEngine({
      rows: (async function* () { yield batch; })(), mapping: { idNumber: 0, name: 1, outOfPocket12m: 2 }, rules: [rule], subjects, today: TODAY,
    });
  }

  it('lists each repeated ID once with the count and rows; every row still counts and hits', async () => {
    const r = await run([
      [person, '王一', '25000'], [other, '李二', '100'], [person, '王一', '21000'], [` ${person.toLowerCase()}`, '王一', '100'], [person, '王一', '22000'], [other, '李二', '3'],
    ]);
    expect(r.rowsRead).toBe(6);
    expect(r.duplicates).toBe(4);
    expect(r.hits.map((h) => h.rowNumber)).toEqual([2, 4, 6]);
    expect(r.issues).toEqual([
      { rowNumber: 4, kind: 'duplicate', idNumber: person, name: '王一', message: '与第2行证件号码重复（同一人在文件中共出现4次：第2、4、5、6行）' },
      { rowNumber: 7, kind: 'duplicate', idNumber: other, name: '李二', message: '与第3行证件号码重复（同一人在文件中共出现2次：第3、7行）' },
    ]);
  });

  it(`lists at most ${LISTED_ROWS} rows but always the full count`, async () => {
    const r = await run(Array.from({ length: 30 }, () => [person, '', '1']));
    expect(r.duplicates).toBe(29);
    expect(r.issues).toHaveLength(1);
    const rows = Array.from({ length: LISTED_ROWS }, (_, i) => i + 2).join('、');
    expect(r.issues[0]).toMatchObject({ rowNumber: 3, name: null, message: `与第2行证件号码重复（同一人在文件中共出现30次：第${rows}等行）` });
  });

  it('invalid, empty and unmatched rows are listed one by one', async () => {
    const nobody = makeIdCard('410102', '19900101', 21);
    const r = await run([['12345', '甲', '1'], ['', '乙', '1'], [nobody, '丙', '1'], [nobody, '丙', '1']]);
    expect(r.issues.map((i) => [i.rowNumber, i.kind, i.idNumber])).toEqual([
      [2, 'invalid_id', '12345'], [3, 'invalid_id', null], [4, 'unmatched', nobody], [5, 'unmatched', nobody], [5, 'duplicate', nobody],
    ]);
    expect(r.issues[0]!.message).toMatch(/^证件号码无效：/);
    expect(r.issues[1]!.message).toBe('证件号码为空');
    expect(r.counter.counts()).toMatchObject({ rows: 4, invalidIds: 2, unmatched: 2, matched: 0 });
  });
});
