import { useSearchParams } from 'react-router';
import { Tabs } from 'antd';
import { mayUse } from '../auth/permissions';
import { currentSession } from '../auth/session';
import { RegistryAdmin } from '../registry/RegistryAdmin';
import { StaffingReportPanel } from '../registry/StaffingReportPanel';
import { PageTitle } from '../layout/PageTitle';

/**
 * 机构与人员: the registry for administrators, and the staffing report (郴政办发〔2016〕19号 §16) for them and for heads,
 * supervision and discipline. The staffing tab is always there: for anyone else the API's refusal says why.
 */
export default function RegistryPage() {
  const user = currentSession()!.user;
  const [params, setParams] = useSearchParams();
  const admin = mayUse(user, 'registry.write');
  const items = [
    ...(admin ? [{ key: 'registry', label: '机构与人员', children: <RegistryAdmin /> }] : []),
    { key: 'staffing', label: '人员配备报告', children: <StaffingReportPanel /> },
  ];
  const active = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : items[0].key;
  return (
    <>
      <PageTitle>机构与人员</PageTitle>
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab })} items={items} destroyOnHidden />
    </>
  );
}
