import type { TablePaginationConfig } from 'antd';

/** Server-side paging for an antd Table: the page comes from the URL, the total from the API. */
export function tablePagination(
  page: number,
  pageSize: number,
  total: number | undefined,
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (t) => `共 ${t} 条`,
    onChange,
  };
}
