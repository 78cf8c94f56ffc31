import { describe, expect, it } from 'vitest';
import { areaLevel, areaRange, isWithinArea, parentAreaCode } from './area-code.rules.js';

describe('area codes', () => {
  it.each([
    ['41', 'province'], ['4113', 'city'], ['411321', 'county'], ['411321101', 'township'], ['411321101200', 'village'], ['41132', null], ['4113x1', null],
  ])('level of %s is %s', (c, l) => expect(areaLevel(c)).toBe(l));

  it.each([
    ['411321', { from: '411321', to: '411322' }],
    ['411329', { from: '411329', to: '41133' }],
    ['411399', { from: '411399', to: '4114' }],
    ['999', { from: '999', to: '999:' }],
  ])('range of %s', (c, r) => expect(areaRange(c)).toEqual(r));

  it('a range holds exactly the codes below the area', () => {
    const { from, to } = areaRange('411321101');
    for (const [code, inside] of [['411321101200', true], ['411321101', true], ['411321102001', false], ['411321100999', false], ['4113211019', true]] as const) {
      expect(code >= from && code < to, code).toBe(inside);
      expect(isWithinArea(code, '411321101')).toBe(inside);
    }
  });

  it.each([['411321101200', '411321101'], ['411321101', '411321'], ['411321', '4113'], ['41', null]])('parent of %s is %s', (c, p) => expect(parentAreaCode(c)).toBe(p));
});
