/** Pure helpers over the area tree, shaped for antd Tree / TreeSelect. */
import type { AreaLevel, AreaNode } from '../../api/types';

export interface AreaTreeData {
  key: string;
  value: string;
  title: string;
  level: AreaLevel;
  selectable?: boolean;
  disabled?: boolean;
  children?: AreaTreeData[];
}

/**
 * antd tree data from area nodes. `selectableLevels` limits which nodes can be picked
 * (e.g. only villages for a household); the others stay visible to navigate through.
 */
export function toTreeData(nodes: AreaNode[], selectableLevels?: readonly AreaLevel[]): AreaTreeData[] {
  return nodes.map((n) => {
    const selectable = !selectableLevels || selectableLevels.includes(n.level);
    const children = n.children?.length ? toTreeData(n.children, selectableLevels) : undefined;
    return {
      key: n.code,
      value: n.code,
      title: n.name,
      level: n.level,
      selectable,
      // TreeSelect ignores `selectable` in some paths; disabled makes the rule hold for the keyboard too
      disabled: selectableLevels ? !selectable && !children : undefined,
      children,
    };
  });
}

export function findArea(nodes: AreaNode[] | undefined, code: string): AreaNode | undefined {
  for (const n of nodes ?? []) {
    if (n.code === code) return n;
    if (code.startsWith(n.code)) {
      const hit = findArea(n.children, code);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Codes of the ancestors of `code` inside the tree, root first (to expand a Tree onto a selection). */
export function ancestorCodes(nodes: AreaNode[] | undefined, code: string): string[] {
  const path: string[] = [];
  let level = nodes;
  while (level) {
    const next = level.find((n) => code.startsWith(n.code) && n.code !== code);
    if (!next) break;
    path.push(next.code);
    level = next.children;
  }
  return path;
}
