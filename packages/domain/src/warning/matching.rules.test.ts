import { describe, expect, it } from 'vitest';
import { makeIdCard } from '../idcard/idcard.rules.js';
import {
  decideHit, duplicateIdRows, hitIdempotencyKey, matchRow, normaliseIdNumber, planWarnings, runCounts, type DedupState, type MatchSources,
  type RegistryPerson, type RuleHit,
} from './matching.rules.js';

const OPTS = { today: '2024-06-01' };
const ALLEVIATED = makeIdCard('411321', '19700101', 11);
const MONITORED = makeIdCard('411321', '19800202', 22);
const ROSTER_ONLY = makeIdCard('411321', '19900303', 33);
const NOBODY = makeIdCard('411321', '19950404', 44);
const WITH_X = (() => { for (let s = 1; s < 999; s++) { const id = makeIdCard('411321', '19850505', s); if (id.endsWith('X')) return id; } throw new Error('no X'); })();

const REGISTRY = new Map<string, RegistryPerson>([
  [ALLEVIATED, { personId: 'p1', householdId: 'h1', householdType: 'alleviated', monitored: false }],
  [MONITORED, { personId: 'p2', householdId: 'h2', householdType: 'ordinary', monitored: true }],
  [WITH_X, { personId: 'p3', householdId: 'h3', householdType: 'ordinary', monitored: false }],
]);
const SOURCES: MatchSources = { registry: (id) => REGISTRY.get(id) ?? null, roster: (id) => (id === ROSTER_ONLY || id === ALLEVIATED ? { rosterId: `r-${id.slice(-4)}` } : null) };
const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const badCheck = ALLEVIATED.slice(0, 17) + (ALLEVIATED[17] === '0' ? '1' : '0');

describe('matchRow', () => {
  it.each([
    { name: 'registry 脱贫户 member', raw: ALLEVIATED, kind: 'matched', source: 'registry', group: 'alleviated' },
    { name: 'registry wins over the roster', raw: ` ${ALLEVIATED} `, kind: 'matched', source: 'registry', group: 'alleviated' },
    { name: 'monitored household member', raw: MONITORED, kind: 'matched', source: 'registry', group: 'monitored' },
    { name: 'lower-case x', raw: WITH_X.toLowerCase(), kind: 'matched', source: 'registry', group: 'ordinary' },
    { name: 'full-width digits', raw: fullWidth(MONITORED), kind: 'matched', source: 'registry', group: 'monitored' },
    { name: 'roster-only person is 一般农户', raw: ROSTER_ONLY, kind: 'matched', source: 'roster', group: 'ordinary' },
    { name: '残疾人证 20 digits matched on its ID', raw: `${MONITORED}12`, kind: 'matched', source: 'registry', group: 'monitored' },
    { name: '残疾人证 22 digits', raw: `${MONITORED}0402`, kind: 'matched', source: 'registry', group: 'monitored' },
    { name: 'valid but unknown', raw: NOBODY, kind: 'unmatched' },
  ] as const)('$name', ({ name: _name, raw, ...want }) => expect(matchRow(raw, SOURCES, OPTS)).toMatchObject(want));

  it('roster-only without a roster is unmatched', () => {
    expect(matchRow(ROSTER_ONLY, { registry: SOURCES.registry }, OPTS)).toEqual({ kind: 'unmatched', idNumber: ROSTER_ONLY });
  });

  it.each([
    { name: 'wrong check digit', raw: badCheck, error: 'check_digit', message: '身份证号码校验位错误' },
    { name: 'too short', raw: '41132119700101', error: 'format', message: '证件号码应为18位，前17位为数字，最后一位为数字或X' },
    { name: 'empty cell', raw: '', error: 'format' },
    { name: 'impossible birth date', raw: makeIdCard('411321', '19700230', 11), error: 'birth_date' },
    { name: 'born after today', raw: makeIdCard('411321', '20250101', 11), error: 'birth_in_future' },
    { name: 'disability grade 5', raw: `${MONITORED}15`, error: 'disability_grade', message: '残疾人证号码中的残疾等级应为1-4' },
  ] as const)('invalid: $name', ({ name: _name, raw, error, ...rest }) => {
    expect(matchRow(raw, SOURCES, OPTS)).toMatchObject({ kind: 'invalid_id', raw, error, ...rest });
  });

  it('normalises ids', () => expect(normaliseIdNumber(' ４１１３２１x ')).toBe('411321X'));
});

describe('duplicate IDs in one file', () => {
  it('reports each repeat against its first row', () => {
    expect(duplicateIdRows([
      { rowNumber: 2, idNumber: 'A' }, { rowNumber: 3, idNumber: 'B' }, { rowNumber: 4, idNumber: 'A' }, { rowNumber: 7, idNumber: 'A' },
    ])).toEqual([{ idNumber: 'A', firstRow: 2, row: 4 }, { idNumber: 'A', firstRow: 2, row: 7 }]);
  });
});

const SHA = 'ab'.repeat(32);
describe('idempotency key', () => {
  it('is file hash + row + rule code + version', () => {
    expect(hitIdempotencyKey({ fileSha256: SHA.toUpperCase(), rowNumber: 12, ruleCode: 'medical.out_of_pocket', ruleVersion: 2 })).toBe(`${SHA}:12:medical.out_of_pocket@v2`);
  });
  it.each([
    { fileSha256: 'abc', rowNumber: 1, ruleVersion: 1 },
    { fileSha256: SHA, rowNumber: 0, ruleVersion: 1 },
    { fileSha256: SHA, rowNumber: 1.5, ruleVersion: 1 },
    { fileSha256: SHA, rowNumber: 1, ruleVersion: 0 },
  ])('refuses %o', (h) => expect(() => hitIdempotencyKey({ ...h, ruleCode: 'x.y' })).toThrow());
});

describe('dedup decisions', () => {
  const key = (row: number, v = 1) => hitIdempotencyKey({ fileSha256: SHA, rowNumber: row, ruleCode: 'medical.out_of_pocket', ruleVersion: v });
  const hit = (subjectId: string, row: number, v = 1, ruleCode = 'medical.out_of_pocket'): RuleHit => ({ subjectId, ruleCode, idempotencyKey: ruleCode === 'medical.out_of_pocket' ? key(row, v) : `${SHA}:${row}:${ruleCode}@v${v}` });
  const state = (recorded: string[], open: { warningId: string; subjectId: string; ruleCode: string }[]): DedupState => ({
    isRecorded: (k) => recorded.includes(k),
    openWarning: (s, r) => open.find((w) => w.subjectId === s && w.ruleCode === r) ?? null,
  });

  it.each([
    { name: 'new person, no warning → create', h: hit('A', 2), st: state([], []), want: { action: 'create' } },
    { name: 'same file row re-run → skip', h: hit('A', 2), st: state([key(2)], [{ warningId: 'w1', subjectId: 'A', ruleCode: 'medical.out_of_pocket' }]), want: { action: 'skip', reason: 'already_recorded' } },
    { name: 'open warning of the same rule → attach', h: hit('A', 5), st: state([key(2)], [{ warningId: 'w1', subjectId: 'A', ruleCode: 'medical.out_of_pocket' }]), want: { action: 'attach', warningId: 'w1' } },
    { name: 'same file after a rule edit (v2) → attach, not create', h: hit('A', 2, 2), st: state([key(2)], [{ warningId: 'w1', subjectId: 'A', ruleCode: 'medical.out_of_pocket' }]), want: { action: 'attach', warningId: 'w1' } },
    { name: 'open warning of another rule → create', h: hit('A', 5, 1, 'civil_affairs.new_assistance'), st: state([], [{ warningId: 'w1', subjectId: 'A', ruleCode: 'medical.out_of_pocket' }]), want: { action: 'create' } },
    { name: 'open warning of another person → create', h: hit('B', 5), st: state([], [{ warningId: 'w1', subjectId: 'A', ruleCode: 'medical.out_of_pocket' }]), want: { action: 'create' } },
  ])('$name', ({ h, st, want }) => expect(decideHit(h, st)).toMatchObject(want));

  it('a run: second hit of a person attaches to the warning the first created; a repeated key is skipped', () => {
    const plan = planWarnings([hit('A', 2), hit('B', 3), hit('A', 4), hit('A', 2), hit('C', 6)], state([], [{ warningId: 'w9', subjectId: 'C', ruleCode: 'medical.out_of_pocket' }]));
    expect(plan.map((d) => [d.action, d.action === 'attach' ? d.warningId : d.newWarningRef ?? null])).toEqual([
      ['create', 'new:1'], ['create', 'new:2'], ['attach', 'new:1'], ['skip', null], ['attach', 'w9'],
    ]);
  });

  it('re-running the same file creates nothing', () => {
    const hits = [hit('A', 2), hit('B', 3)];
    const first = planWarnings(hits, state([], []));
    const recorded = first.map((d) => d.idempotencyKey);
    expect(planWarnings(hits, state(recorded, [])).every((d) => d.action === 'skip')).toBe(true);
  });

  it('counts a run', () => {
    const matches = [matchRow(ALLEVIATED, SOURCES, OPTS), matchRow(NOBODY, SOURCES, OPTS), matchRow(badCheck, SOURCES, OPTS), matchRow(MONITORED, SOURCES, OPTS)];
    const plan = planWarnings([hit('A', 2), hit('A', 3), hit('A', 2)], state([], []));
    expect(runCounts(matches, plan)).toEqual({ rows: 4, invalidIds: 1, unmatched: 1, matched: 2, created: 1, attached: 1, skipped: 1 });
  });
});
