import { describe, expect, it } from 'vitest';
import { ageOn, idCheckChar, makeIdCard, validateDisabilityCard, validateIdCard } from './idcard.rules.js';

const today = '2026-11-22';

describe('idCheckChar (GB 11643)', () => {
  it.each([
    ['11010519491231002', 'X'], // the standard's own example
    ['44052419800101001', '3'], // hand-computed: Σ=196, 196 mod 11 = 9 → '3'
    ['41132119900307123', '1'], // hand-computed: Σ=231, 231 mod 11 = 0 → '1'
  ])('%s → %s', (first17, expected) => {
    expect(idCheckChar(first17)).toBe(expected);
  });
});

describe('validateIdCard', () => {
  const good = makeIdCard('411321', '19900307', 123);
  it.each([
    { id: good, error: null },
    { id: good.toLowerCase(), error: null },
    { id: '11010519491231002x', error: null },
    { id: good.slice(0, 17) + (good[17] === '1' ? '2' : '1'), error: 'check_digit' },
    { id: good.slice(0, 17), error: 'format' },
    { id: good + '1', error: 'format' },
    { id: '41132119900307A23X', error: 'format' },
    { id: makeIdCard('411321', '19900230', 123), error: 'birth_date' },
    { id: makeIdCard('411321', '19000229', 123), error: 'birth_date' }, // 1900 is not a leap year
    { id: makeIdCard('411321', '20000229', 123), error: null }, // 2000 is
    { id: makeIdCard('411321', '19901301', 123), error: 'birth_date' },
    { id: makeIdCard('411321', '18500101', 123), error: 'birth_date' },
    { id: makeIdCard('411321', '20270101', 123), error: 'birth_in_future' },
    { id: makeIdCard('991321', '19900101', 123), error: 'area_prefix' },
    { id: makeIdCard('051321', '19900101', 123), error: 'area_prefix' },
  ])('$id → $error', ({ id, error }) => {
    const r = validateIdCard(id, { today });
    expect(r.ok ? null : r.error).toBe(error);
  });

  it('derives birth date and sex', () => {
    const r = validateIdCard(makeIdCard('411321', '19850612', 457), { today });
    expect(r).toEqual({ ok: true, value: { id: expect.any(String), birthDate: '1985-06-12', sex: 'male', areaPrefix: '411321' } });
    const f = validateIdCard(makeIdCard('411321', '19850612', 458), { today });
    expect(f.ok && f.value.sex).toBe('female');
  });

  it('applies an injected area check', () => {
    const r = validateIdCard(good, { today, isKnownAreaPrefix: (p) => p === '410000' });
    expect(r.ok ? null : r.error).toBe('area_prefix');
  });
});

describe('validateDisabilityCard', () => {
  const id = makeIdCard('411321', '19700101', 111);
  it.each([
    { card: id + '42', error: null, cat: 4, grade: 2 },
    { card: id + '0402', error: null, cat: 4, grade: 2 },
    { card: id + '82', error: 'disability_category', cat: 0, grade: 0 },
    { card: id + '45', error: 'disability_grade', cat: 0, grade: 0 },
    { card: id + '1402', error: 'format', cat: 0, grade: 0 },
    { card: id + '4', error: 'format', cat: 0, grade: 0 },
    { card: id.slice(0, 17) + (id[17] === '1' ? '2' : '1') + '42', error: 'check_digit', cat: 0, grade: 0 },
  ])('$card → $error', ({ card, error, cat, grade }) => {
    const r = validateDisabilityCard(card, { today });
    expect(r.ok ? null : r.error).toBe(error);
    if (r.ok) expect([r.value.disabilityCategory, r.value.disabilityGrade]).toEqual([cat, grade]);
  });
});

describe('ageOn', () => {
  it.each([
    ['1990-11-22', '2026-11-22', 36],
    ['1990-11-23', '2026-11-22', 35],
    ['2000-02-29', '2026-02-28', 25],
  ])('%s on %s → %i', (b, t, a) => expect(ageOn(b, t)).toBe(a));
});
