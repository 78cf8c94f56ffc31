import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CODE_LISTS, ROLES, ROLE_LABELS, ROLE_AREA_LEVEL } from '@shouwang/domain';
import type { Services } from '../../services.js';
import { authed } from '../../http/guard.js';
import { areasWithin, listDepartments, type AreaRow } from './area.repository.js';

interface AreaNode { code: string; name: string; level: string; children?: AreaNode[] }
const areaNode: z.ZodType<AreaNode> = z.lazy(() => z.object({ code: z.string(), name: z.string(), level: z.string(), children: z.array(areaNode).optional() }));

function buildTree(rows: AreaRow[], rootCode: string): AreaNode[] {
  const nodes = new Map<string, AreaNode>(rows.map((r) => [r.code, { code: r.code, name: r.name, level: r.level }]));
  const roots: AreaNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code)!;
    const parent = r.parent_code ? nodes.get(r.parent_code) : undefined;
    if (r.code === rootCode || !parent) roots.push(node);
    else (parent.children ??= []).push(node);
  }
  return roots;
}

export const areaRoutes = (s: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/areas/tree', {
    config: { access: ['read', 'area'] }, schema: { tags: ['reference'], summary: '当前用户管辖区域树（到村）', response: { 200: z.object({ tree: z.array(areaNode) }) } },
  }, async (req) => {
    const ctx = authed(req);
    return { tree: buildTree(await areasWithin(s.db, ctx.user.areaCode), ctx.user.areaCode) };
  });

  app.get('/api/codes', {
    config: { access: ['read', 'code_list'] }, schema: { tags: ['reference'], summary: '代码表、角色、部门' },
  }, async () => {
    const departments = await listDepartments(s.db);
    return {
      lists: CODE_LISTS,
      roles: ROLES.map((code) => ({ code, label: ROLE_LABELS[code], areaLevel: ROLE_AREA_LEVEL[code] })),
      departments,
    };
  });
};
