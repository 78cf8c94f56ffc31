import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CODE_LISTS, ROLES, ROLE_LABELS, ROLE_AREA_LEVEL } from '@shouwang/domain';
import type { Services } from '../../services.js';
import { authorize } from '../../http/guard.js';
import { areasWithin, type AreaRow } from './area.repository.js';

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
    schema: { tags: ['reference'], summary: '当前用户管辖区域树（到村）', response: { 200: z.object({ tree: z.array(areaNode) }) } },
  }, async (req) => {
    const ctx = authorize(req, 'read', 'area');
    return { tree: buildTree(await areasWithin(s.db, ctx.user.areaCode), ctx.user.areaCode) };
  });

  app.get('/api/codes', {
    schema: { tags: ['reference'], summary: '代码表、角色、部门' },
  }, async (req) => {
    authorize(req, 'read', 'code_list');
    const departments = await s.db.query('SELECT code, name, class FROM department ORDER BY sort_order, code');
    return {
      lists: CODE_LISTS,
      roles: ROLES.map((code) => ({ code, label: ROLE_LABELS[code], areaLevel: ROLE_AREA_LEVEL[code] })),
      departments,
    };
  });
};
