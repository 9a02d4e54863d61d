import { useEffect, useMemo, useState } from 'react';
import { Button, DatePicker, Descriptions, Form, Select, Switch, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { AGENCY_LEVEL_NAMES } from '@workflows/enforcement-case/vocabulary/agency-levels';
import { CERTIFICATE_STATE_NAMES } from '@workflows/enforcement-case/vocabulary/certificates';
import { zhName } from '@workflows/enforcement-case/vocabulary/name';
import { ApiError, api } from '../api/client';
import type { operations } from '../api/schema';
import { saveCsv } from '../export/download';
import type { AgencyStaffing, StaffingReport } from './registry-types';
import { FilterActions, LoadError } from '../forms/FilterActions';

type StaffingQuery = NonNullable<operations['StaffingController_report']['parameters']['query']>;

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const metText = (met: boolean | null) => (met === null ? '不适用' : met ? '达标' : '未达标');

/**
 * 执法人员配备与培训 (郴政办发〔2016〕19号 §16), GET /reports/staffing: per agency, certified share against the target,
 * certificates ending soon or not counting, and training hours below the yearly minimum.
 */
export function StaffingReportPanel() {
  const [query, setQuery] = useState<StaffingQuery>({ includeSubordinates: true });
  const [report, setReport] = useState<StaffingReport | null>(null);
  const [scope, setScope] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    setError(null);
    api<StaffingReport>('/reports/staffing', { query })
      .then((r) => {
        setReport(r.body);
        // The agencies this reader may choose are those of the first, widest answer (their own and below).
        setScope((s) => (s.length ? s : r.body.agencies.map((a) => ({ value: a.agencyId, label: a.name }))));
      })
      .catch((e: unknown) => {
        setReport(null);
        setError(e instanceof ApiError ? e.message : String(e));
      })
      .finally(() => setLoading(false));
  }, [query]);

  const rows = useMemo(() => report?.agencies ?? [], [report]);
  const exportCsv = () =>
    saveCsv(
      `staffing-${report?.asOf ?? ''}.csv`,
      ['机构', '层级', '在职人数', '持证人数', '持证比例', '目标', '是否达标', '证件即将到期', '证件不计入', '培训未达标'],
      rows.map((a) => [
        a.name,
        zhName(AGENCY_LEVEL_NAMES, a.level),
        a.onDuty,
        a.certified,
        percent(a.certifiedShare),
        a.target === null ? '—' : percent(a.target),
        metText(a.targetMet),
        a.expiringSoon.map((e) => `${e.name} ${e.validUntil}`).join('；'),
        a.notValid.map((e) => `${e.name} ${zhName(CERTIFICATE_STATE_NAMES, e.state)}`).join('；'),
        a.training.below.map((t) => `${t.name} ${t.hours}/${a.training.minimumHours}`).join('；'),
      ]),
    );

  return (
    <>
      <Form
        name="staffingFilter"
        layout="inline"
        initialValues={{ includeSubordinates: true }}
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: { agencyId?: string; includeSubordinates: boolean; asOf?: Dayjs | null }) =>
          setQuery({ agencyId: v.agencyId, includeSubordinates: v.includeSubordinates, asOf: v.asOf?.format('YYYY-MM-DD') })
        }
      >
        <Form.Item name="agencyId" label="机构">
          <Select allowClear placeholder="本机关" options={scope} style={{ width: 260 }} aria-label="机构" />
        </Form.Item>
        <Form.Item name="includeSubordinates" label="含下级" valuePropName="checked">
          <Switch aria-label="含下级" />
        </Form.Item>
        <Form.Item name="asOf" label="统计日期">
          <DatePicker format="YYYY-MM-DD" placeholder="今天" />
        </Form.Item>
        <FilterActions submit="统计">
          <Button onClick={exportCsv} disabled={!rows.length}>
            导出 CSV
          </Button>
        </FilterActions>
      </Form>
      <LoadError title="无法生成报告" error={error} />
      {report && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} aria-label="报告参数">
          <Descriptions.Item label="统计日期">{report.asOf}</Descriptions.Item>
          <Descriptions.Item label="规则版本">{report.rulesVersion}</Descriptions.Item>
          <Descriptions.Item label="合计">
            在职 {report.totals.onDuty} 人，持证 {report.totals.certified} 人（{percent(report.totals.certifiedShare)}）
          </Descriptions.Item>
          <Descriptions.Item label="持证比例目标">
            {percent(report.parameters.certifiedShare.target)}（适用于
            {report.parameters.certifiedShare.levels.map((l) => zhName(AGENCY_LEVEL_NAMES, l)).join('、')}机构；
            {report.parameters.certifiedShare.source}）
          </Descriptions.Item>
          <Descriptions.Item label="年度培训最低学时">
            {report.parameters.trainingHoursPerYear.hours}（{report.parameters.trainingHoursPerYear.source}）
          </Descriptions.Item>
          <Descriptions.Item label="证件到期预警">提前 {report.parameters.certificateExpiryWarningDays.days} 天</Descriptions.Item>
        </Descriptions>
      )}
      <Table<AgencyStaffing>
        rowKey="agencyId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        aria-label="人员配备报告"
        expandable={{ expandedRowRender: (a) => <AgencyDetails a={a} />, rowExpandable: () => true }}
        columns={[
          { title: '机构', dataIndex: 'name' },
          { title: '层级', dataIndex: 'level', render: (l: string) => zhName(AGENCY_LEVEL_NAMES, l) },
          { title: '在职人数', dataIndex: 'onDuty' },
          { title: '持证人数', dataIndex: 'certified' },
          { title: '持证比例', dataIndex: 'certifiedShare', render: percent },
          { title: '目标', dataIndex: 'target', render: (t: number | null) => (t === null ? '—' : percent(t)) },
          {
            title: '是否达标',
            dataIndex: 'targetMet',
            render: (met: boolean | null) =>
              met === false ? (
                <Typography.Text type="danger" strong>
                  {metText(met)}
                </Typography.Text>
              ) : (
                metText(met)
              ),
          },
          { title: '证件即将到期', key: 'expiring', render: (_: unknown, a) => a.expiringSoon.length },
          { title: '证件不计入', key: 'notValid', render: (_: unknown, a) => a.notValid.length },
          { title: '培训未达标', key: 'below', render: (_: unknown, a) => a.training.below.length },
        ]}
      />
    </>
  );
}

function AgencyDetails({ a }: { a: AgencyStaffing }) {
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label="即将到期的执法证">
        {a.expiringSoon.map((e) => `${e.name}（${e.certificateNumber}，${e.validUntil} 到期，剩 ${e.daysLeft} 天）`).join('；') || '无'}
      </Descriptions.Item>
      <Descriptions.Item label="不计入的执法证">
        {a.notValid
          .map((e) => `${e.name}（${e.certificateNumber}，${zhName(CERTIFICATE_STATE_NAMES, e.state)}，自 ${e.since}）`)
          .join('；') || '无'}
      </Descriptions.Item>
      <Descriptions.Item label={`${a.training.year} 年培训未达 ${a.training.minimumHours} 学时`}>
        {a.training.below.map((t) => `${t.name}（${t.hours} 学时，差 ${t.shortfall}）`).join('；') || '无'}
      </Descriptions.Item>
    </Descriptions>
  );
}
