import { Card, Tree } from 'antd';
import { useMemo } from 'react';
import { QueryError } from '../../../components/QueryError';
import { ancestorCodes, toTreeData } from '../../reference/areaTree';
import { useAreaTree } from '../../reference/useAreaTree';

interface Props {
  value: string | undefined;
  onChange: (area: string | undefined) => void;
}

/** The user's area tree; picking a node narrows the list to that area, picking it again clears it. */
export function AreaSidebarTree({ value, onChange }: Props) {
  const tree = useAreaTree();
  const treeData = useMemo(() => toTreeData(tree.data ?? []), [tree.data]);
  const expanded = useMemo(
    () => [...new Set([...treeData.map((n) => n.key), ...(value ? ancestorCodes(tree.data, value) : [])])],
    [treeData, tree.data, value],
  );

  return (
    <Card size="small" title="行政区域" styles={{ body: { padding: 8 } }} loading={tree.isPending}>
      {tree.isError ? (
        <QueryError error={tree.error} onRetry={() => tree.refetch()} />
      ) : (
        <Tree
          key={treeData.length /* re-mount once data arrives so default expansion applies */}
          treeData={treeData}
          height={560}
          blockNode
          defaultExpandedKeys={expanded}
          selectedKeys={value ? [value] : []}
          onSelect={(keys) => onChange(keys[0] === undefined ? undefined : String(keys[0]))}
        />
      )}
    </Card>
  );
}
