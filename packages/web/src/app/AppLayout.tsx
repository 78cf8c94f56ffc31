import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { useAuth } from './auth';
import { FullPageSpin } from './guards';
import { menuEntryFor, menuFor, type MenuEntry } from './menu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [loggingOut, setLoggingOut] = useState(false);

  const entries = menuFor(user);
  const selected = menuEntryFor(entries, location.pathname)?.path;

  const onLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } catch (e) {
      message.warning(errorMessage(e));
    } finally {
      setLoggingOut(false);
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          守望 · 防返贫监测帮扶平台
        </Typography.Title>
        {user && (
          <Space size="middle" style={{ color: '#fff' }}>
            <span>
              <UserOutlined /> {user.displayName}
            </span>
            <Tag color="green" variant="solid">{user.roleLabel}</Tag>
            <span>{user.areaName}</span>
            <Button data-testid="logout" icon={<LogoutOutlined />} loading={loggingOut} onClick={onLogout}>
              退出登录
            </Button>
          </Space>
        )}
      </Header>
      <Layout>
        <Sider width={180} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            style={{ height: '100%', borderInlineEnd: 0 }}
            items={menuItems(entries)}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
        <Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

/** Top-level entries first, then one group per heading, in menu order. */
function menuItems(entries: MenuEntry[]) {
  const item = (m: MenuEntry) => ({ key: m.path, icon: m.icon, label: m.label });
  const groups = [...new Set(entries.map((m) => m.group).filter((g): g is string => !!g))];
  return [
    ...entries.filter((m) => !m.group).map(item),
    ...groups.map((g) => ({ type: 'group' as const, key: g, label: g, children: entries.filter((m) => m.group === g).map(item) })),
  ];
}
