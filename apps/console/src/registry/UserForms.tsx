import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { CERTIFICATE_STATE_NAMES } from '@workflows/enforcement-case/vocabulary/certificates';
import { ROLE_NAMES } from '@workflows/enforcement-case/vocabulary/roles';
import type { Schemas } from '../api/types';
import { RegistrySubmit } from './RegistryProblemAlert';
import type { AgencyView, User } from './registry-types';
import { useRegistrySubmit } from './useRegistrySubmit';
import { required } from '../forms/rules';

const ROLE_OPTIONS = Object.entries(ROLE_NAMES).map(([value, n]) => ({ value, label: n.zh }));
const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');
const DATE = { format: 'YYYY-MM-DD', style: { width: '100%' } } as const;

interface Done {
  onDone: () => void;
}

/** 登记人员: POST /admin/users, with an optional enforcement certificate. */
export function RegisterUserForm({ agencies, defaultAgencyId, onDone }: Done & { agencies: AgencyView[]; defaultAgencyId?: string }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const fields = [
    'id',
    'name',
    'roles',
    'agencyId',
    'legalQualification',
    'certificate.number',
    'certificate.validFrom',
    'certificate.validUntil',
  ];
  // The registry rules name the certificate's own fields (number, validUntil); in this form they sit under `certificate`.
  const aliases = { number: ['certificate', 'number'], validFrom: ['certificate', 'validFrom'], validUntil: ['certificate', 'validUntil'] };
  const { submit, problem, busy } = useRegistrySubmit<{ user: User }>(
    form,
    fields,
    (r) => {
      void message.success(`已登记人员 ${r.user.name}`);
      onDone();
    },
    aliases,
  );
  const send = (v: Record<string, unknown> & { certificate?: { number?: string; validFrom?: Dayjs; validUntil?: Dayjs } }) => {
    const c = v.certificate;
    const certificate =
      c?.number || c?.validFrom || c?.validUntil
        ? { number: c.number, validFrom: day(c.validFrom), validUntil: day(c.validUntil) }
        : undefined;
    void submit('/admin/users', { ...v, certificate } satisfies Partial<Record<keyof Schemas['RegisterUserDto'], unknown>>);
  };
  return (
    <Form form={form} name="registerUser" layout="vertical" initialValues={{ agencyId: defaultAgencyId }} onFinish={send}>
      <Form.Item name="id" label="人员编号" rules={required('请填写人员编号')} tooltip="u- 加小写字母、数字或连字符">
        <Input placeholder="u-431002-officer-9" />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={required('请填写姓名')}>
        <Input />
      </Form.Item>
      <Form.Item name="roles" label="角色" rules={required('请选择至少一个角色')}>
        <Select mode="multiple" options={ROLE_OPTIONS} placeholder="请选择" aria-label="角色" />
      </Form.Item>
      <Form.Item name="agencyId" label="所属机构" rules={required('请选择所属机构')}>
        <Select
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label="所属机构"
        />
      </Form.Item>
      <Form.Item name="legalQualification" label="法律职业资格证书编号" tooltip="法制审核人员必填（行政处罚法第五十八条）">
        <Input />
      </Form.Item>
      <Form.Item name={['certificate', 'number']} label="执法证号" tooltip="4–32 位字母、数字或连字符；不持证的人员留空">
        <Input />
      </Form.Item>
      <Form.Item name={['certificate', 'validFrom']} label="执法证有效期起">
        <DatePicker {...DATE} />
      </Form.Item>
      <Form.Item name={['certificate', 'validUntil']} label="执法证有效期至">
        <DatePicker {...DATE} />
      </Form.Item>
      <RegistrySubmit problem={problem} busy={busy}>
        登记
      </RegistrySubmit>
    </Form>
  );
}

/** 登记培训: POST /admin/users/{id}/training. */
export function TrainingForm({ user, onDone }: Done & { user: User }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { submit, problem, busy } = useRegistrySubmit(form, ['year', 'hours', 'course', 'date'], () => {
    void message.success(`已为 ${user.name} 登记培训`);
    onDone();
  });
  const send = (v: { year: number; hours: number; course: string; date: Dayjs }) =>
    void submit(`/admin/users/${user.id}/training`, { ...v, date: day(v.date) } satisfies Record<keyof Schemas['TrainingDto'], unknown>);
  return (
    <Form form={form} name="training" layout="vertical" onFinish={send}>
      <Form.Item name="year" label="年度" rules={required('请填写年度')}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="hours" label="学时" rules={required('请填写学时')} tooltip="大于 0，不超过 200，可保留一位小数">
        <InputNumber min={0} step={0.5} precision={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="course" label="培训课程" rules={required('请填写培训课程')}>
        <Input />
      </Form.Item>
      <Form.Item name="date" label="培训日期" rules={required('请选择培训日期')}>
        <DatePicker {...DATE} />
      </Form.Item>
      <RegistrySubmit problem={problem} busy={busy}>
        登记培训
      </RegistrySubmit>
    </Form>
  );
}

/** 停用 (reason required) or 恢复 (reason optional): POST /admin/users/{id}/deactivate | reactivate. */
export function ActivationForm({ user, onDone }: Done & { user: User }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const deactivating = user.active;
  const verb = deactivating ? '停用' : '恢复';
  const { submit, problem, busy } = useRegistrySubmit(form, ['reason'], () => {
    void message.success(`已${verb} ${user.name}`);
    onDone();
  });
  return (
    <Form
      form={form}
      name={deactivating ? 'deactivate' : 'reactivate'}
      layout="vertical"
      onFinish={(v: { reason?: string }) => void submit(`/admin/users/${user.id}/${deactivating ? 'deactivate' : 'reactivate'}`, v)}
    >
      <Form.Item
        name="reason"
        label={`${verb}原因`}
        rules={deactivating ? required('请填写停用原因') : []}
        tooltip={deactivating ? '自今日起该人员不能登录、不能办案' : undefined}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <RegistrySubmit problem={problem} busy={busy} danger={deactivating}>
        确认{verb}
      </RegistrySubmit>
    </Form>
  );
}

/** 发证/换证: POST /admin/users/{id}/certificate (a renewal keeps the old certificate in the history). */
export function CertificateForm({ user, onDone }: Done & { user: User }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { submit, problem, busy } = useRegistrySubmit(form, ['number', 'validFrom', 'validUntil'], () => {
    void message.success(`已为 ${user.name} 发证`);
    onDone();
  });
  const send = (v: { number: string; validFrom: Dayjs; validUntil: Dayjs }) =>
    void submit(`/admin/users/${user.id}/certificate`, {
      number: v.number,
      validFrom: day(v.validFrom),
      validUntil: day(v.validUntil),
    } satisfies Record<keyof Schemas['CertificateDto'], unknown>);
  return (
    <Form form={form} name="certificate" layout="vertical" onFinish={send}>
      <Form.Item name="number" label="执法证号" rules={required('请填写执法证号')} tooltip="4–32 位字母、数字或连字符">
        <Input />
      </Form.Item>
      <Form.Item name="validFrom" label="有效期起" rules={required('请选择有效期起始日')}>
        <DatePicker {...DATE} />
      </Form.Item>
      <Form.Item name="validUntil" label="有效期至" rules={required('请选择有效期截止日')}>
        <DatePicker {...DATE} />
      </Form.Item>
      <RegistrySubmit problem={problem} busy={busy}>
        发证
      </RegistrySubmit>
    </Form>
  );
}

const STATUS_OPTIONS = (['suspended', 'revoked', 'valid'] as const).map((value) => ({
  value,
  label: value === 'valid' ? '恢复有效' : CERTIFICATE_STATE_NAMES[value].zh,
}));

/** 暂扣/吊销/恢复: POST /admin/users/{id}/certificate/status, from a date (steps before it keep the old status). */
export function CertificateStatusForm({ user, onDone }: Done & { user: User }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { submit, problem, busy } = useRegistrySubmit(form, ['status', 'effectiveFrom', 'reason'], () => {
    void message.success(`已变更 ${user.name} 的执法证状态`);
    onDone();
  });
  const send = (v: { status: string; effectiveFrom: Dayjs; reason: string }) =>
    void submit(`/admin/users/${user.id}/certificate/status`, {
      ...v,
      effectiveFrom: day(v.effectiveFrom),
    } satisfies Record<keyof Schemas['CertificateStatusDto'], unknown>);
  return (
    <Form form={form} name="certificateStatus" layout="vertical" onFinish={send}>
      <Form.Item name="status" label="状态" rules={required('请选择状态')}>
        <Select options={STATUS_OPTIONS} aria-label="状态" />
      </Form.Item>
      <Form.Item
        name="effectiveFrom"
        label="生效日期"
        rules={required('请选择生效日期')}
        tooltip="须在执法证有效期内；此前的执法行为按原状态判断"
      >
        <DatePicker {...DATE} />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={required('请填写原因')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <RegistrySubmit problem={problem} busy={busy}>
        确认变更
      </RegistrySubmit>
    </Form>
  );
}
