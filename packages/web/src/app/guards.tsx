/** Route guards: logged in, holding a permission, and the landing redirect. */
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { useAuth } from './auth';
import { homePathFor } from './menu';
import type { Permission } from './permissions';

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading, error, signedOutBy } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (error && !user)
    return <Result status="error" title="无法获取登录状态" subTitle={errorMessage(error)} extra={<Button onClick={() => window.location.reload()}>重试</Button>} />;
  if (!user) {
    // after an expired session, come back here once logged in again; after 退出登录, start afresh
    const state = signedOutBy === 'logout' ? null : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(permission)) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result status="403" title="无权访问" subTitle="当前角色没有访问此页面的权限" extra={<Button type="primary" onClick={() => navigate('/')}>返回首页</Button>} />
  );
}

export function NotFound() {
  const navigate = useNavigate();
  return <Result status="404" title="页面不存在" extra={<Button type="primary" onClick={() => navigate('/')}>返回首页</Button>} />;
}

export function HomeRedirect() {
  const { user } = useAuth();
  const home = homePathFor(user);
  if (home) return <Navigate to={home} replace />;
  return <Result status="info" title="暂无可用功能" subTitle="当前角色在本平台的网页端还没有可以使用的功能，请联系系统管理员。" />;
}
