/** 生成通报: pick one of the published rankings; the server drafts the text and the lagging departments. */
import { Alert, App, Form, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { FormErrors } from '../../../components/form/FormErrors';
import { useFormSubmit } from '../../../components/form/useFormSubmit';
import { useRankings } from '../rankings/api';
import { rankingTitle } from '../rankings/RankingListTab';
import { useCreateNotice } from './api';

export function CreateNoticeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ rankingId: number }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const rankings = useRankings();
  const create = useCreateNotice();
  const published = (rankings.data ?? []).filter((r) => r.status === 'published');

  const { errors, submit } = useFormSubmit(form, async (v) => {
    const { notice } = await create.mutateAsync(v.rankingId);
    message.success('通报已生成，待县级领导审核');
    onClose();
    navigate(`/linkage/notices/${notice.id}`);
  });

  return (
    <Modal
      title="生成季度通报"
      open={open}
      okText="生成"
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'notice-create-submit' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="根据已发布的季度排序生成通报草稿（含各类别排序和连续落后部门），经县级领导审核同意后送达各部门。" />
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="rankingId" label="已发布的季度排序" rules={[{ required: true, message: '请选择季度排序' }]}>
          <Select
            loading={rankings.isPending}
            placeholder={published.length || rankings.isPending ? '选择季度排序' : '暂无已发布的季度排序'}
            options={published.map((r) => ({ value: r.id, label: `${rankingTitle(r)}（第${r.version}版）` }))}
            data-testid="notice-ranking-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
