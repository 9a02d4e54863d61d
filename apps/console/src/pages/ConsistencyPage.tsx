import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Card, Empty, Skeleton, Space, Table } from 'antd';
import { api } from '../api/client';
import { useApiRead } from '../api/useApiRead';
import type { CaseSearchItem, CaseSearchPage } from '../api/types';
import { discretionLevelName } from '../cases/vocabulary';
import { EChart } from '../reports/EChart';
import type { ConsistencyReport } from '../api/types';
import { ReportScopeFilters, useReportScope } from '../reports/ReportScopeFilters';
import { agencyName, useReportAgencies } from '../reports/useReportAgencies';
import { LoadError } from '../forms/FilterActions';
import { PageTitle } from '../layout/PageTitle';

type Group = ConsistencyReport['groups'][number];
type Outlier = Group['outliers'][number] & { group: string };

const groupName = (g: Group) => `${g.violationCode} · ${discretionLevelName(g.discretionLevel)}`;
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

/**
 * 裁量一致性: per violation code and circumstance level, how fines spread (box plots of min, quartiles and max as the
 * API reports them, docs/supervision.md §5) and the outlying cases, each a link to its case.
 */
export default function ConsistencyPage() {
  const agencies = useReportAgencies();
  const [scope, update] = useReportScope(agencies);
  const { data: report, error } = useApiRead<ConsistencyReport>(
    scope ? '/reports/consistency' : null,
    scope ? { agencyId: scope.agencyId, includeSubordinates: scope.includeSubordinates, year: scope.year } : undefined,
  );
  const [cases, setCases] = useState<Map<string, CaseSearchItem>>(new Map());
  const navigate = useNavigate();

  const outliers: Outlier[] = useMemo(
    () => report?.groups.flatMap((g) => g.outliers.map((o) => ({ ...o, group: groupName(g) }))) ?? [],
    [report],
  );

  // The outliers' case numbers and parties (a bounded list: the search takes up to 200 ids).
  useEffect(() => {
    if (!scope || !outliers.length) return setCases(new Map());
    const caseIds = [...new Set(outliers.map((o) => o.caseId))].slice(0, 200);
    api<CaseSearchPage>('/cases', {
      query: {
        caseIds: caseIds.join(','),
        agencyId: scope.agencyId,
        includeSubordinates: scope.includeSubordinates || undefined,
        pageSize: 200,
      },
    })
      .then((r) => setCases(new Map(r.body.items.map((c) => [c.caseId, c]))))
      .catch(() => setCases(new Map()));
  }, [outliers, scope]);

  const chart = useMemo(() => {
    if (!report?.groups.length) return null;
    const groups = report.groups;
    return {
      grid: { left: 80, right: 24, top: 40, bottom: 48 },
      legend: { top: 0, data: ['罚款分布', '离群案件'] },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: groups.map(groupName), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '罚款（元）' },
      series: [
        { type: 'boxplot', name: '罚款分布', data: groups.map((g) => [g.min, g.q1, g.median, g.q3, g.max]) },
        {
          type: 'scatter',
          name: '离群案件',
          symbolSize: 10,
          data: groups.flatMap((g, i) => g.outliers.map((o) => ({ value: [i, o.fineYuan], caseId: o.caseId }))),
          itemStyle: { color: '#cf1322' },
        },
      ],
    };
  }, [report]);

  if (!agencies || !scope) return <Skeleton active />;
  return (
    <>
      <PageTitle>裁量一致性</PageTitle>
      <ReportScopeFilters scope={scope} agencies={agencies} update={update} quarters={false} />
      <LoadError title="报表查询失败" error={error} />
      {!report && !error && <Skeleton active />}
      {report && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {report.benchmark.sample && (
            <Alert
              type="warning"
              showIcon
              title={`当前裁量基准为示例数据（${report.benchmark.id}），非正式基准`}
              description="离群判断：基准列有该违法行为的，以基准的罚款幅度为准；未列明的，以同组罚款的四分位范围（Q1 − 1.5·IQR 至 Q3 + 1.5·IQR）为准。"
            />
          )}
          {!chart ? (
            <Empty description={`${scope.year} 年没有载明违法行为代码和裁量情节的罚款决定`} />
          ) : (
            <>
              <Card title={`罚款分布（${scope.year} 年，按违法行为代码与裁量情节）`}>
                <EChart
                  testId="consistency-chart"
                  height={380}
                  option={chart}
                  label={`罚款箱线图：${report.groups
                    .map(
                      (g) =>
                        `${groupName(g)} ${g.count} 件，最低 ${g.min}、下四分位 ${g.q1}、中位 ${g.median}、上四分位 ${g.q3}、最高 ${g.max} 元，离群 ${g.outliers.length} 件`,
                    )
                    .join('；')}`}
                  onClick={(e) => {
                    const caseId = (e.data as { caseId?: string } | undefined)?.caseId;
                    if (caseId) void navigate(`/cases/${caseId}`);
                  }}
                />
                <Table<Group>
                  rowKey={(g) => `${g.violationCode}|${g.discretionLevel}`}
                  pagination={false}
                  size="small"
                  aria-label="罚款分布"
                  dataSource={report.groups}
                  columns={[
                    { title: '违法行为代码', dataIndex: 'violationCode' },
                    { title: '裁量情节', dataIndex: 'discretionLevel', render: discretionLevelName },
                    { title: '决定数', dataIndex: 'count' },
                    { title: '最低', dataIndex: 'min', render: yuan },
                    { title: '下四分位', dataIndex: 'q1', render: yuan },
                    { title: '中位数', dataIndex: 'median', render: yuan },
                    { title: '上四分位', dataIndex: 'q3', render: yuan },
                    { title: '最高', dataIndex: 'max', render: yuan },
                    {
                      title: '各机构（件数，中位数）',
                      dataIndex: 'byAgency',
                      render: (rows: Group['byAgency']) =>
                        rows.map((a) => `${agencyName(agencies, a.agencyId)} ${a.count} 件，${yuan(a.median)}`).join('；'),
                    },
                  ]}
                />
              </Card>
              <Card title={`离群案件（${outliers.length} 件）`}>
                <Table<Outlier>
                  rowKey={(o) => `${o.group}|${o.caseId}`}
                  pagination={false}
                  aria-label="离群案件"
                  dataSource={outliers}
                  locale={{ emptyText: '没有离群案件' }}
                  columns={[
                    {
                      title: '案件',
                      dataIndex: 'caseId',
                      render: (id: string) => (
                        <Link to={`/cases/${id}`} data-outlier-case={id}>
                          {cases.get(id)?.caseNo ?? `案件 ${id.slice(0, 8)}`}
                        </Link>
                      ),
                    },
                    { title: '当事人', dataIndex: 'caseId', key: 'party', render: (id: string) => cases.get(id)?.party.name ?? '—' },
                    { title: '违法行为 · 情节', dataIndex: 'group' },
                    { title: '承办机关', dataIndex: 'agencyId', render: (id: string) => agencyName(agencies, id) },
                    { title: '罚款', dataIndex: 'fineYuan', render: yuan },
                    { title: '离群依据', dataIndex: 'reason' },
                  ]}
                />
              </Card>
            </>
          )}
        </Space>
      )}
    </>
  );
}
