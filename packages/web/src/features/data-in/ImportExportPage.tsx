/** 导入导出: registry import (template, upload, progress, row report) and the Excel export of the household list. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { AreaTreeSelect } from '../../components/AreaTreeSelect';
import { useAuth } from '../../app/auth';
import { toQueryString } from '../../api/client';
import { PageTitle } from '../linkage/shared/PageTitle';
import { ImportPanel, RecentJobs } from './ImportPanel';

export default function ImportExportPage() {
  const { can } = useAuth();
  const [area, setArea] = useState<string | undefined>();
  const [householdType, setHouseholdType] = useState<string | undefined>();
  const [monitorCategory, setMonitorCategory] = useState<string | undefined>();
  const exportUrl = `/api/exports/households${toQueryString({ area, householdType, monitorCategory })}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <PageTitle title="导入导出" />
      {can('import_job:create') && (
        <ImportPanel title="导入农户和家庭成员" kind="registry" templateUrl="/imports/registry/template" uploadUrl="/api/imports/registry" />
      )}
      {can('household:export') && (
        <Card title="导出农户信息（Excel）">
          <Flex gap={12} wrap align="center">
            <AreaTreeSelect allowClear placeholder="全部区域" style={{ width: 240 }} value={area} onChange={(v) => setArea(v ?? undefined)} />
            <Select allowClear placeholder="户类型" style={{ width: 140 }} value={householdType} onChange={setHouseholdType}
              options={[{ value: 'alleviated', label: '脱贫户' }, { value: 'ordinary', label: '一般农户' }]} />
            <Select allowClear placeholder="监测对象" style={{ width: 160 }} value={monitorCategory} onChange={setMonitorCategory}
              options={[{ value: 'any', label: '全部监测对象' }, { value: 'unstable', label: '脱贫不稳定户' }, { value: 'marginal', label: '边缘易致贫户' }, { value: 'sudden', label: '突发严重困难户' }, { value: 'none', label: '非监测对象' }]} />
            <Button type="primary" icon={<DownloadOutlined />} href={exportUrl}>导出Excel</Button>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            每行一名家庭成员，列与导入模板相同，可直接用于导入。导出记入审计日志；无权查看完整号码的角色导出的证件号码和电话已脱敏。
          </Typography.Paragraph>
        </Card>
      )}
      {can('import_job:read') && <RecentJobs kind="registry" />}
    </Space>
  );
}
