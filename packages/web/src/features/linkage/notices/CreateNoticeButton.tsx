/** 生成通报 from a published ranking (the office); opens the new draft notice. */
import { FileTextOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { useCreateNotice } from './api';

export function CreateNoticeButton({ rankingId }: { rankingId: number }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateNotice();
  return (
    <Button
      icon={<FileTextOutlined />}
      loading={create.isPending}
      onClick={() =>
        create.mutate(rankingId, {
          onSuccess: ({ notice }) => {
            message.success('通报已生成，待县级领导审核');
            navigate(`/linkage/notices/${notice.id}`);
          },
          onError: (e) => message.error(errorMessage(e)),
        })
      }
    >
      生成通报
    </Button>
  );
}
