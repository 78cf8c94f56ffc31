/**
 * The declared access policy: role × action × resource. Routes ask `can()`; nothing else decides.
 * Area scope (which records) is applied separately by `scopeOf()`; this table decides what a role may do.
 */
import type { Role } from './roles.js';

export type Resource = 'household' | 'person_identity' | 'user' | 'audit_log' | 'area' | 'code_list';
export type Action = 'read' | 'create' | 'update' | 'delete' | 'reveal' | 'manage' | 'export';

type PolicyTable = Record<Resource, Partial<Record<Action, readonly Role[]>>>;

const REGISTRY_READERS = ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'helper'] as const;
const REGISTRY_EDITORS = ['county_office', 'township_cadre', 'village_cadre'] as const;
const EVERYONE = ['admin', 'county_office', 'county_leader', 'township_cadre', 'village_cadre', 'department_user', 'helper', 'inspector'] as const;

export const POLICY: PolicyTable = {
  household: {
    read: REGISTRY_READERS,
    create: REGISTRY_EDITORS,
    update: REGISTRY_EDITORS,
    delete: ['county_office'],
    export: ['county_office', 'township_cadre'],
  },
  // Seeing an ID number or phone whole; each reveal is audited.
  person_identity: {
    reveal: ['county_office', 'township_cadre', 'village_cadre', 'helper'],
  },
  user: { manage: ['admin'] },
  audit_log: { read: ['admin'] },
  area: { read: EVERYONE },
  code_list: { read: EVERYONE },
};

export function can(role: Role, action: Action, resource: Resource): boolean {
  return POLICY[resource][action]?.includes(role) ?? false;
}

/** Every (resource, action) pair a role may perform, e.g. for the web menu. */
export function permissionsOf(role: Role): string[] {
  const out: string[] = [];
  for (const [resource, actions] of Object.entries(POLICY)) {
    for (const [action, roles] of Object.entries(actions)) {
      if ((roles as readonly Role[]).includes(role)) out.push(`${resource}:${action}`);
    }
  }
  return out;
}
