import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** 403: the account is logged in but its roles do not allow this page or action. */
export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有访问此页面的权限。如需开通，请联系本单位或上级单位的管理员。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

export default ForbiddenPage;
