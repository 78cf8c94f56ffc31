import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask.rules.js';
import { diffFields } from './diff.js';

describe('masking', () => {
  it.each([
    ['411321199003071232', '4113**********1232'],
    ['41132119900307123242', '4113************3242'],
    ['1234', '****'],
    [null, null],
  ])('ID %s → %s', (i, m) => expect(maskIdNumber(i)).toBe(m));
  it.each([['13812345678', '138****5678'], ['0377-6612345', '037*****2345'], ['123', '***']])('phone %s → %s', (p, m) => expect(maskPhone(p)).toBe(m));
});

describe('diffFields', () => {
  it('lists only changed fields, old → new', () => {
    expect(diffFields({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: true })).toEqual({
      b: { from: [1, 2], to: [1, 3] }, c: { from: 'x', to: null }, d: { from: null, to: true },
    });
  });
  it('treats undefined and null alike', () => expect(diffFields({ a: undefined }, { a: null })).toEqual({}));
});
