import { App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../../api/client';
import { orDash } from '../../../lib/format';
import { useDepartmentUser } from '../shared/useDepartmentUser';
import { useSaveAttendance, type AttendanceInput } from './api';
import { ATTENDANCE_COLORS, ATTENDANCE_OPTIONS } from './labels';
import type { Attendance, AttendanceStatus } from './types';

interface Props {
  meetingId: number;
  rows: Attendance[];
  editable: boolean;
}

const same = (a: Attendance, b: AttendanceInput | undefined) => !!b && a.status === b.status && (a.remark ?? '') === (b.remark ?? '');

/** 参会情况 of the 26 departments; the office records 缺席 / 未按要求参会 / 请假 (they cost points). */
export function AttendanceCard({ meetingId, rows, editable }: Props) {
  const { message } = App.useApp();
  const save = useSaveAttendance(meetingId);
  // a department user is shown the own department's row only
  const own = !!useDepartmentUser();
  const [draft, setDraft] = useState<Map<string, AttendanceInput>>(new Map());
  useEffect(() => setDraft(new Map(rows.map((r) => [r.departmentCode, { departmentCode: r.departmentCode, status: r.status, remark: r.remark }]))), [rows]);

  const changed = useMemo(() => rows.filter((r) => !same(r, draft.get(r.departmentCode))).length, [rows, draft]);
  const set = (code: string, patch: Partial<AttendanceInput>) =>
    setDraft((prev) => new Map(prev).set(code, { ...prev.get(code)!, ...patch }));

  const onSave = () =>
    save.mutate(
      [...draft.values()].map((i) => ({ ...i, remark: i.remark?.trim() || null })),
      { onSuccess: () => void message.success('参会情况已保存'), onError: (e) => void message.error(errorMessage(e)) },
    );

  const counts = ATTENDANCE_OPTIONS.map((o) => `${o.label} ${rows.filter((r) => r.status === o.value).length}`).join(' · ');

  const columns: ColumnsType<Attendance> = [
    { title: '序号', key: 'index', width: 60, render: (_, __, i) => i + 1 },
    { title: '部门', dataIndex: 'departmentName', width: 180 },
    {
      title: '参会情况',
      dataIndex: 'status',
      width: 180,
      render: (s: AttendanceStatus, r) =>
        editable ? (
          <Select<AttendanceStatus>
            style={{ width: 150 }}
            value={draft.get(r.departmentCode)?.status ?? s}
            options={ATTENDANCE_OPTIONS}
            onChange={(status) => set(r.departmentCode, { status })}
            data-testid={`attendance-status-${r.departmentCode}`}
          />
        ) : (
          <Tag color={ATTENDANCE_COLORS[s]}>{r.statusLabel}</Tag>
        ),
    },
    {
      title: '备注',
      dataIndex: 'remark',
      render: (v: string | null, r) =>
        editable ? (
          <Input
            maxLength={200}
            value={draft.get(r.departmentCode)?.remark ?? ''}
            placeholder="如 请假事由、迟到早退等"
            onChange={(e) => set(r.departmentCode, { remark: e.target.value })}
          />
        ) : (
          orDash(v)
        ),
    },
  ];

  return (
    <Card
      title={own ? '本部门参会情况' : '参会情况'}
      extra={
        <Space>
          {!own && <span style={{ color: '#888' }}>{counts}</span>}
          {editable && (
            <Button type="primary" disabled={!changed} loading={save.isPending} onClick={onSave} data-testid="meeting-attendance-save">
              保存参会情况{changed ? `（${changed}项修改）` : ''}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Attendance> rowKey="departmentCode" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="meeting-attendance" />
    </Card>
  );
}
