import { useEffect } from 'react';
import { Link } from 'react-router';
import { Button, Form, Select, Table, Tag } from 'antd';
import { useApiRead } from '../api/useApiRead';
import { saveCsv } from '../export/download';
import { QUARTER_OPTIONS, type QuarterlyReport, recentYears } from './interference-types';
import { FilterActions, LoadError } from '../forms/FilterActions';

type Row = QuarterlyReport['agencies'][number];

interface Props {
  period: { year: number; quarter: number; agencyId?: string };
  onPeriod: (p: { year: number; quarter: number; agencyId?: string }) => void;
  agencies: { value: string; label: string }[];
  thisYear: number;
}

/**
 * 干预记录季度报告: every agency in scope for the quarter; an agency without a record files a zero report (零报告),
 * shown as such rather than left out, since a missing report and a zero report are not the same.
 */
export function QuarterlyReportPanel({ period, onPeriod, agencies, thisYear }: Props) {
  const { data: report, error } = useApiRead<QuarterlyReport>('/interference/quarterly-report', period);
  const [form] = Form.useForm();

  useEffect(() => {
    form.setFieldsValue({ agencyId: undefined, ...period });
  }, [period, form]);

  const label = `${period.year} 年第 ${period.quarter} 季度`;
  const exportCsv = () =>
    saveCsv(
      `interference-${period.year}-Q${period.quarter}.csv`,
      ['季度', '机构', '机构编号', '干预记录数', '报告'],
      (report?.agencies ?? []).map((a) => [
        label,
        a.agencyName ?? a.agencyId,
        a.agencyId,
        a.records,
        a.zeroReport ? '零报告' : `${a.records} 条`,
      ]),
    );

  return (
    <>
      <Form
        form={form}
        name="quarterlyFilter"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: { year: number; quarter: number; agencyId?: string }) => onPeriod(v)}
      >
        <Form.Item name="agencyId" label="机关（含下级）">
          <Select allowClear placeholder="本机关" options={agencies} style={{ width: 240 }} aria-label="机关（含下级）" />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={recentYears(thisYear)} virtual={false} style={{ width: 110 }} aria-label="年度" />
        </Form.Item>
        <Form.Item name="quarter" label="季度" rules={[{ required: true, message: '请选择季度' }]}>
          <Select options={QUARTER_OPTIONS} style={{ width: 120 }} aria-label="季度" />
        </Form.Item>
        <FilterActions submit="生成报告">
          <Button onClick={exportCsv} disabled={!report}>
            导出 CSV
          </Button>
        </FilterActions>
      </Form>
      <LoadError title="无法生成报告" error={error} />
      <Table<Row>
        rowKey="agencyId"
        size="small"
        loading={!report && !error}
        dataSource={report?.agencies ?? []}
        pagination={false}
        aria-label={`${label}干预记录报告`}
        title={() => `${label}：${report ? `${report.agencies.filter((a) => a.zeroReport).length} 个机构零报告` : ''}`}
        columns={[
          { title: '机构', dataIndex: 'agencyName', render: (name: string | undefined, a) => name ?? a.agencyId },
          { title: '干预记录数', dataIndex: 'records' },
          {
            title: '报告',
            dataIndex: 'zeroReport',
            render: (zero: boolean, a) =>
              zero ? (
                <Tag data-testid={`zero-report-${a.agencyId}`}>零报告</Tag>
              ) : (
                <Link to={`/interference?tab=register&agencyId=${a.agencyId}&year=${period.year}&quarter=${period.quarter}`}>
                  {a.records} 条，查看登记
                </Link>
              ),
          },
        ]}
      />
    </>
  );
}
