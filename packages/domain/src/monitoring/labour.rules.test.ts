import { describe, expect, it } from 'vitest';
import { countLabourCapable, isLabourCapable, type LabourMember } from './labour.rules.js';

const TODAY = '2024-10-15';

describe('isLabourCapable', () => {
  it.each([
    { name: 'skilled adult', m: { labourSkill: 'skilled', birthDate: '1985-01-01' }, capable: true },
    { name: 'ordinary, birth date unknown', m: { labourSkill: 'ordinary' }, capable: true },
    { name: 'weak or half labour', m: { labourSkill: 'weak', birthDate: '1958-03-01' }, capable: true },
    { name: 'lost labour', m: { labourSkill: 'lost', birthDate: '1985-01-01' }, capable: false },
    { name: 'no labour', m: { labourSkill: 'none' }, capable: false },
    { name: 'skill not recorded', m: { labourSkill: null }, capable: false },
    { name: 'turned 16 today', m: { labourSkill: 'ordinary', birthDate: '2008-10-15' }, capable: true },
    { name: '16 tomorrow', m: { labourSkill: 'ordinary', birthDate: '2008-10-16' }, capable: false },
    { name: 'a student', m: { labourSkill: 'ordinary', birthDate: '2004-01-01', inSchool: true }, capable: false },
    { name: 'an old farmer still recorded as labour', m: { labourSkill: 'ordinary', birthDate: '1950-01-01' }, capable: true },
  ] as { name: string; m: LabourMember; capable: boolean }[])('$name → $capable', ({ m, capable }) => expect(isLabourCapable(m, TODAY)).toBe(capable));

  it('counts the capable members', () => {
    expect(countLabourCapable([{ labourSkill: 'ordinary' }, { labourSkill: 'lost' }, { labourSkill: 'skilled', inSchool: true }, { labourSkill: 'weak' }], TODAY)).toBe(2);
    expect(countLabourCapable([], TODAY)).toBe(0);
  });
});
