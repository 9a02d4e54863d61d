import { useMemo, useState } from 'react';
import { Button, Card, Skeleton, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApiRead } from '../api/useApiRead';
import { CasesDrawer, type DrillDown } from '../reports/CasesDrawer';
import { EChart } from '../reports/EChart';
import type { AssessmentReport, RateFigures } from '../api/types';
import { ReportScopeFilters, type ReportScopeQuery, useReportScope } from '../reports/ReportScopeFilters';
import { useReportAgencies } from '../reports/useReportAgencies';
import { LoadError } from '../forms/FilterActions';
import { PageTitle } from '../layout/PageTitle';

const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);
const chartValue = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);
const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

/** A count that opens the cases behind it. */
function CountLink({ count, label, onOpen }: { count: number; label: string; onOpen: () => void }) {
  return (
    <Button type="link" size="small" style={{ padding: 0 }} aria-label={`${label}：${count} 件`} onClick={onOpen}>
      {count}
    </Button>
  );
}

/** The rates' bars: one series per agency compared, or the scope's own figures. */
function ratesChart(names: string[], series: { name: string; rates: RateFigures[] }[]) {
  return {
    grid: { left: 56, right: 24, top: series.length > 1 ? 56 : 32, bottom: 40 },
    legend: series.length > 1 ? { type: 'plain', top: 0 } : undefined,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.rates.map((r) => chartValue(r.ratio)),
      label: series.length > 1 ? undefined : { show: true, position: 'top', formatter: '{c}%' },
    })),
  };
}

/**
 * 考核: the six rates of 郴政办发〔2016〕19号 §3 for an agency (with its subordinates) and a year or quarter, as the API
 * computes them (docs/supervision.md §4), the agencies of the tree compared, and every numerator and denominator
 * opening the cases behind it.
 */
export default function AssessmentPage() {
  const agencies = useReportAgencies();
  const [scope, update] = useReportScope(agencies);
  const { data: report, error } = useApiRead<AssessmentReport>(scope ? '/reports/assessment' : null, { ...scope });
  const [drill, setDrill] = useState<DrillDown | null>(null);

  // The report's links keep its scope, period and report date; the drawer pages the cases through them.
  const open = (title: string, count: number, cases: string, s: ReportScopeQuery) =>
    setDrill({ title, count, cases, agencyId: s.agencyId, includeSubordinates: s.includeSubordinates });

  const names = useMemo(() => report?.rates.map((r) => r.zh) ?? [], [report]);
  const compared = report && report.byAgency.length > 1 ? report.byAgency : null;
  const scopeChart = useMemo(() => report && ratesChart(names, [{ name: '比率', rates: report.rates }]), [report, names]);
  // The chart compares the agencies that have cases to count; the table lists every agency, zeros included.
  const counted = useMemo(() => compared?.filter((a) => a.filed.count || a.rates.some((r) => r.denominator)) ?? [], [compared]);
  const comparisonChart = useMemo(() => (counted.length > 1 ? ratesChart(names, counted) : null), [counted, names]);
  const describe = (rates: RateFigures[]) =>
    rates.map((r, i) => `${names[i]} ${percent(r.ratio)}（${r.numerator}/${r.denominator}）`).join('；');

  if (!agencies || !scope) return <Skeleton active />;
  const periodName = scope.quarter ? `${scope.year} 年第 ${scope.quarter} 季度` : `${scope.year} 年`;
  return (
    <>
      <PageTitle>考核（六率）</PageTitle>
      <ReportScopeFilters scope={scope} agencies={agencies} update={update} />
      <LoadError title="报表查询失败" error={error} />
      {!report && !error && <Skeleton active />}
      {report && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            统计期间 {day(report.period.from)} 至 {dayjs(report.period.to).subtract(1, 'day').format('YYYY-MM-DD')}，截至{' '}
            {dayjs(report.asOf).format('YYYY-MM-DD HH:mm')}；点击分子或分母查看其案件。
          </Typography.Text>
          <Card title={`六率 · ${periodName}`}>
            <Table
              rowKey="key"
              pagination={false}
              aria-label="六率"
              dataSource={[
                { key: 'filed', zh: report.filed.zh, numerator: null, denominator: report.filed.count, ratio: null },
                ...report.rates,
              ]}
              columns={[
                { title: '指标', dataIndex: 'zh' },
                {
                  title: '分子',
                  render: (_: unknown, r) => {
                    const rate = report.rates.find((x) => x.key === r.key);
                    return rate ? (
                      <CountLink
                        count={rate.numerator}
                        label={`${rate.zh} 分子`}
                        onOpen={() => open(`${rate.zh} · 分子`, rate.numerator, rate.numeratorCases, scope)}
                      />
                    ) : (
                      '—'
                    );
                  },
                },
                {
                  title: '分母（立案数量为案件数）',
                  render: (_: unknown, r) => {
                    const rate = report.rates.find((x) => x.key === r.key);
                    const [label, cases] = rate ? [rate.zh, rate.denominatorCases] : [report.filed.zh, report.filed.cases];
                    const count = rate ? rate.denominator : report.filed.count;
                    return (
                      <CountLink
                        count={count}
                        label={`${label} ${rate ? '分母' : '案件'}`}
                        onOpen={() => open(`${label} · ${rate ? '分母' : '案件'}`, count, cases, scope)}
                      />
                    );
                  },
                },
                { title: '比率', dataIndex: 'ratio', render: (ratio: number | null, r) => (r.key === 'filed' ? '—' : percent(ratio)) },
              ]}
            />
            {scopeChart && (
              <EChart
                testId="rates-chart"
                option={scopeChart}
                label={`${periodName}六率柱状图：${describe(report.rates)}`}
                onClick={(e) => {
                  const rate = report.rates[e.dataIndex];
                  if (rate) open(`${rate.zh} · 分子`, rate.numerator, rate.numeratorCases, scope);
                }}
              />
            )}
          </Card>
          {compared && (
            <Card title="机构对比（各机构本级案件）">
              <Table
                rowKey="agencyId"
                pagination={false}
                scroll={{ x: true }}
                aria-label="机构对比"
                dataSource={compared}
                columns={[
                  { title: '机构', dataIndex: 'name' },
                  {
                    title: report.filed.zh,
                    render: (_: unknown, a) => (
                      <CountLink
                        count={a.filed.count}
                        label={`${a.name} ${report.filed.zh}`}
                        onOpen={() =>
                          open(`${a.name} · ${report.filed.zh}`, a.filed.count, a.filed.cases, {
                            ...scope,
                            agencyId: a.agencyId,
                            includeSubordinates: false,
                          })
                        }
                      />
                    ),
                  },
                  ...report.rates.map((rate) => ({
                    title: rate.zh,
                    key: rate.key,
                    render: (_: unknown, a: (typeof compared)[number]) => {
                      const own = a.rates.find((r) => r.key === rate.key)!;
                      const only = { ...scope, agencyId: a.agencyId, includeSubordinates: false };
                      return (
                        <span style={{ whiteSpace: 'nowrap' }}>
                          <CountLink
                            count={own.numerator}
                            label={`${a.name} ${rate.zh} 分子`}
                            onOpen={() => open(`${a.name} · ${rate.zh} · 分子`, own.numerator, own.numeratorCases, only)}
                          />
                          {' / '}
                          <CountLink
                            count={own.denominator}
                            label={`${a.name} ${rate.zh} 分母`}
                            onOpen={() => open(`${a.name} · ${rate.zh} · 分母`, own.denominator, own.denominatorCases, only)}
                          />
                          （{percent(own.ratio)}）
                        </span>
                      );
                    },
                  })),
                ]}
              />
              {comparisonChart && (
                <EChart
                  testId="comparison-chart"
                  height={360}
                  option={comparisonChart}
                  label={`${periodName}各机构六率对比柱状图：${counted.map((a) => `${a.name}：${describe(a.rates)}`).join('。')}`}
                />
              )}
            </Card>
          )}
        </Space>
      )}
      <CasesDrawer drill={drill} agencies={agencies} onClose={() => setDrill(null)} />
    </>
  );
}
