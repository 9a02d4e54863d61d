import { App, Form, Input, Select, Switch } from 'antd';
import { AGENCY_LEVEL_NAMES } from '@workflows/enforcement-case/vocabulary/agency-levels';
import type { Schemas } from '../api/types';
import { RegistrySubmit } from './RegistryProblemAlert';
import type { AgencyView } from './registry-types';
import { useRegistrySubmit } from './useRegistrySubmit';
import { required } from '../forms/rules';

const LEVEL_OPTIONS = Object.entries(AGENCY_LEVEL_NAMES).map(([value, n]) => ({ value, label: n.zh }));

/** 登记机构: POST /admin/agencies under an agency the administrator administers. */
export function RegisterAgencyForm({ agencies, parentId, onDone }: { agencies: AgencyView[]; parentId?: string; onDone: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const fields = ['id', 'divisionCode', 'name', 'shortName', 'level', 'parentId', 'entrustedBy', 'enforcementPower'];
  const { submit, problem, busy } = useRegistrySubmit<{ agency: AgencyView }>(form, fields, (r) => {
    void message.success(`已登记机构 ${r.agency.name}`);
    onDone();
  });
  const options = agencies.map((a) => ({ value: a.id, label: a.name }));
  return (
    <Form
      form={form}
      name="registerAgency"
      layout="vertical"
      initialValues={{ parentId }}
      onFinish={(v: Partial<Record<keyof Schemas['RegisterAgencyDto'], unknown>>) => void submit('/admin/agencies', v)}
    >
      <Form.Item name="id" label="机构编号" rules={required('请填写机构编号')} tooltip="ag- 加小写字母、数字或连字符">
        <Input placeholder="ag-431021101" />
      </Form.Item>
      <Form.Item name="divisionCode" label="行政区划代码" rules={required('请填写行政区划代码')} tooltip="市、县级 6 位，乡镇、街道 9 位">
        <Input />
      </Form.Item>
      <Form.Item name="name" label="机构名称" rules={required('请填写机构名称')}>
        <Input />
      </Form.Item>
      <Form.Item name="shortName" label="文书字号简称" rules={required('请填写文书字号简称')}>
        <Input placeholder="桂阳应急" />
      </Form.Item>
      <Form.Item name="level" label="层级" rules={required('请选择层级')}>
        <Select options={LEVEL_OPTIONS} aria-label="层级" />
      </Form.Item>
      <Form.Item name="parentId" label="上级机关" rules={required('请选择上级机关')}>
        <Select options={options} showSearch={{ optionFilterProp: 'label' }} aria-label="上级机关" />
      </Form.Item>
      <Form.Item name="entrustedBy" label="委托机关" tooltip="受委托组织以该机关名义执法（行政处罚法第二十条）；不是受委托组织的留空">
        <Select options={options} allowClear showSearch={{ optionFilterProp: 'label' }} aria-label="委托机关" />
      </Form.Item>
      <Form.Item name="enforcementPower" label="行政执法主体" valuePropName="checked" tooltip="留空：市、县级非受委托机关默认具有">
        <Switch aria-label="行政执法主体" />
      </Form.Item>
      <RegistrySubmit problem={problem} busy={busy}>
        登记机构
      </RegistrySubmit>
    </Form>
  );
}
