import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { AreaLevel } from '../api/types';
import { toTreeData } from '../features/reference/areaTree';
import { useAreaTree } from '../features/reference/useAreaTree';

type Props = Omit<TreeSelectProps<string>, 'treeData'> & {
  /** Levels that may be picked (e.g. only 'village' for a household); all levels when omitted. */
  levels?: readonly AreaLevel[];
};

/** Area picker over the user's own area tree (/api/areas/tree). */
export function AreaTreeSelect({ levels, ...rest }: Props) {
  const tree = useAreaTree();
  const treeData = useMemo(() => toTreeData(tree.data ?? [], levels), [tree.data, levels]);
  return (
    <TreeSelect<string>
      loading={tree.isPending}
      treeData={treeData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandedKeys={treeData.map((n) => n.key)}
      popupMatchSelectWidth={false}
      placeholder="请选择区域"
      {...rest}
    />
  );
}
