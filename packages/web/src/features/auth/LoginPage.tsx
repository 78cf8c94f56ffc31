import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api/client';
import type { Me } from '../../api/types';
import { useAuth } from '../../app/auth';
import { homePathFor, mayOpen } from '../../app/menu';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { user, signedIn, forgetData } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  // nobody is logged in here: nothing of the last user's data stays in memory
  useEffect(() => {
    if (!user) forgetData();
  }, [user, forgetData]);

  const login = useMutation({
    mutationFn: (c: Credentials) => api<{ user: Me }>('/auth/login', { method: 'POST', body: c, quiet401: true }),
    onSuccess: ({ user: u }) => {
      signedIn(u);
      navigate(from && mayOpen(u, from) ? from : (homePathFor(u) ?? '/'), { replace: true });
    },
  });

  if (user && !login.isPending && !login.isSuccess) return <Navigate to={homePathFor(user) ?? '/'} replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          守望
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          防止返贫动态监测和帮扶平台
        </Typography.Paragraph>
        {login.isError && <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
