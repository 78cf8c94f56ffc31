/**
 * The declared access policy: role × action × resource. Routes ask `can()`; nothing else decides.
 * Area scope (which records) is applied separately by `scopeOf()`; this table decides what a role may do.
 */
import type { Role } from './roles.js';

export type Resource =
  | 'household' | 'person_identity' | 'user' | 'audit_log' | 'area' | 'code_list'
  // "5+2" linkage
  | 'department' | 'self_check' | 'meeting' | 'verification' | 'score' | 'ranking' | 'notice' | 'policy_doc' | 'coop_case'
  // data in and early warning (早发现)
  | 'import_job' | 'roster' | 'comparison_rule' | 'comparison_run' | 'warning' | 'screening'
  // identification → assistance → elimination (早干预 · 早帮扶 · 稳消除)
  | 'monitoring_case' | 'helper_registry' | 'help_plan' | 'visit' | 'followup_task' | 'quality_check' | 'simulation';
export type Action = 'read' | 'create' | 'update' | 'delete' | 'reveal' | 'manage' | 'export' | 'approve' | 'submit';

type PolicyTable = Record<Resource, Partial<Record<Action, readonly Role[]>>>;

const REGISTRY_READERS = ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'helper'] as const;
const REGISTRY_EDITORS = ['county_office', 'township_cadre', 'village_cadre'] as const;
const LINKAGE_READERS = ['county_office', 'county_leader', 'department_user', 'inspector'] as const;
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

  // "5+2" linkage. Department users act for their own department only (applied by the services).
  department: { read: EVERYONE, manage: ['county_office'] },
  self_check: { read: LINKAGE_READERS, submit: ['department_user'], manage: ['county_office'] },
  meeting: { read: LINKAGE_READERS, manage: ['county_office'] },
  verification: { read: ['county_office', 'county_leader', 'inspector'], manage: ['county_office', 'inspector'] },
  score: { read: LINKAGE_READERS, manage: ['county_office'], approve: ['county_leader'] },
  ranking: { read: LINKAGE_READERS, manage: ['county_office'] },
  notice: { read: LINKAGE_READERS, manage: ['county_office'], approve: ['county_leader'] },
  policy_doc: { read: EVERYONE, manage: ['county_office'] },
  coop_case: { read: ['county_office', 'county_leader', 'department_user', 'township_cadre'], manage: ['county_office'], update: ['county_office', 'department_user'] },

  // Data in and early warning. Department users see the runs and warnings of their own department only (services).
  import_job: { read: ['county_office', 'township_cadre'], create: ['county_office', 'township_cadre'] },
  roster: { read: ['county_office'], manage: ['county_office'] },
  comparison_rule: { read: ['county_office', 'county_leader', 'department_user', 'township_cadre', 'inspector'], manage: ['county_office'] },
  comparison_run: { read: ['county_office', 'county_leader', 'department_user'], submit: ['department_user', 'county_office'] },
  warning: {
    read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'department_user', 'inspector'],
    create: ['department_user', 'county_office', 'township_cadre', 'village_cadre'],
    update: ['county_office', 'township_cadre'],
    export: ['county_office', 'county_leader', 'township_cadre'],
    // The verification deadline settings (预警核实时限).
    manage: ['county_office'],
  },
  screening: { read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'inspector'], manage: ['county_office'], update: ['township_cadre', 'village_cadre'] },

  // Identification → assistance → elimination. Which step a role may take is decided by the workflow tables.
  monitoring_case: {
    read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'helper', 'inspector'],
    create: ['county_office', 'township_cadre', 'village_cadre'],
    update: ['county_office', 'township_cadre', 'village_cadre'],
    export: ['county_office', 'county_leader', 'township_cadre'],
    // Case settings (deadlines, elimination criteria) and 风险消除回退.
    manage: ['county_office'],
  },
  helper_registry: { read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre'], manage: ['county_office', 'township_cadre'] },
  help_plan: {
    read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'helper', 'department_user', 'inspector'],
    manage: ['county_office', 'township_cadre', 'village_cadre'],
    update: ['county_office', 'township_cadre', 'village_cadre', 'helper', 'department_user'],
  },
  visit: { read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'helper', 'inspector'], create: ['helper', 'village_cadre', 'township_cadre'] },
  followup_task: { read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'helper'], update: ['helper', 'village_cadre', 'township_cadre'], manage: ['county_office'] },
  quality_check: { read: ['county_office', 'county_leader', 'township_cadre', 'village_cadre', 'inspector'], manage: ['county_office'] },
  simulation: { read: ['county_office', 'county_leader'] },
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
