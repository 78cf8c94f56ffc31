import { useMemo } from 'react';
import type { AreaNode } from '../../../api/types';

export interface Township {
  code: string;
  name: string;
}
import { useAreaTree } from '../../reference/useAreaTree';

function collect(nodes: AreaNode[] | undefined, out: Township[]) {
  for (const n of nodes ?? []) {
    if (n.level === 'township') out.push({ code: n.code, name: n.name }); // without its villages
    else collect(n.children, out);
  }
  return out;
}

/** Every township of the user's county, in area-code order (from /api/areas/tree). */
export function useTownships() {
  const tree = useAreaTree();
  const townships = useMemo(() => collect(tree.data, []).sort((a, b) => a.code.localeCompare(b.code)), [tree.data]);
  return { townships, isPending: tree.isPending, isError: tree.isError, error: tree.error, refetch: tree.refetch };
}
