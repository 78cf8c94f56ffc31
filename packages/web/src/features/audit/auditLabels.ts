/** 中文 for the audit log's action and entity codes (server: audit.writer callers). Unknown codes show as they are. */

export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'household.view': '查看农户',
  'household.create': '新增农户',
  'household.update': '修改农户',
  'household.reveal': '查看完整电话',
  'person.create': '新增成员',
  'person.update': '修改成员',
  'person.delete': '删除成员',
  'person.reveal': '查看完整证件号码',
  'income.update': '录入收支',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
};

/** Prefixes the action filter accepts (the server matches actions by prefix). */
export const AUDIT_ACTION_GROUPS: Record<string, string> = {
  'auth.': '登录与退出（全部）',
  'household.': '农户（全部）',
  'person.': '家庭成员（全部）',
  'income.': '收支（全部）',
  'user.': '用户（全部）',
};

export const AUDIT_ENTITIES: Record<string, string> = {
  household: '农户',
  person: '家庭成员',
  household_income: '收支',
  user: '用户',
};

export const actionLabel = (a: string) => AUDIT_ACTIONS[a] ?? a;
export const entityLabel = (e: string) => AUDIT_ENTITIES[e] ?? e;
