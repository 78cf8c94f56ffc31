import { describe, expect, it } from 'vitest';
import { can, permissionsOf } from './policy.js';
import { ROLES } from './roles.js';

describe('policy table', () => {
  it.each([
    ['village_cadre', 'create', 'household', true],
    ['county_leader', 'read', 'household', true],
    ['county_leader', 'update', 'household', false],
    ['county_leader', 'reveal', 'person_identity', false],
    ['department_user', 'read', 'household', false],
    ['inspector', 'read', 'household', false],
    ['helper', 'reveal', 'person_identity', true],
    ['admin', 'manage', 'user', true],
    ['county_office', 'manage', 'user', false],
    ['admin', 'read', 'audit_log', true],
    ['county_office', 'read', 'audit_log', false],
    ['admin', 'read', 'household', false],
  ] as const)('%s %s %s → %s', (role, action, resource, expected) => {
    expect(can(role, action, resource)).toBe(expected);
  });

  it('gives every role at least the reference data', () => {
    for (const r of ROLES) expect(permissionsOf(r)).toEqual(expect.arrayContaining(['area:read', 'code_list:read']));
  });
});
