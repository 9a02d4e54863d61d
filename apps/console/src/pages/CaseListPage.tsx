import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, DatePicker, Drawer, Form, Input, Progress, Select, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { problemText } from '../api/client';
import { useApiRead } from '../api/useApiRead';
import type { CaseSearchItem, CaseSearchPage, CaseSearchQuery } from '../api/types';
import { mayUse } from '../auth/permissions';
import { currentSession } from '../auth/session';
import { STAGE_OPTIONS, stageColor, stageName } from '../cases/stages';
import { OpenCaseForm } from '../cases/OpenCaseForm';
import { EXPORT_CAP, type ExportProgress, exportCases } from '../cases/case-export';
import { saveTextFile } from '../export/download';
import { deadlineKindName, enumOptions, industryName } from '../cases/vocabulary';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';
import { FilterActions, LoadError } from '../forms/FilterActions';
import { PageTitle } from '../layout/PageTitle';

type Key = keyof CaseSearchQuery;
// Every filter of GET /cases; they live in the URL so a filtered list can be sent as a link.
const FILTER_KEYS: Key[] = [
  'stage',
  'agencyId',
  'includeSubordinates',
  'industry',
  'party',
  'officerId',
  'overdue',
  'openedFrom',
  'openedTo',
  'decidedFrom',
  'decidedTo',
  'flag',
  'sort',
  'order',
  'page',
  'pageSize',
];
const SORTABLE = ['openedAt', 'updatedAt', 'caseNo', 'decidedAt'] as const;

function queryFrom(params: URLSearchParams): CaseSearchQuery {
  const q: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v === null || v === '') continue;
    q[k] = k === 'page' || k === 'pageSize' ? Number(v) : k === 'includeSubordinates' ? v === 'true' : v;
  }
  return q;
}

const date = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** 案件查询: the filters of GET /cases, sorting and paging; 立案登记 for officers. */
export default function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFrom(params), [params]);
  const { data, error, loading } = useApiRead<CaseSearchPage>('/cases', query, { keepPrevious: true });
  const [opening, setOpening] = useState(false);
  const user = currentSession()!.user;
  const doc = useOpenApiDocument();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<ExportProgress | null>(null);

  const exportCsv = async () => {
    // The list's filters and sort order; the export reads its own pages.
    const { page: _page, pageSize: _size, ...search } = query;
    setExporting({ read: 0, of: 0, total: 0 });
    try {
      const { csv, total, rows } = await exportCases(search, setExporting);
      saveTextFile(csv, `案件查询_${dayjs().format('YYYYMMDD_HHmm')}.csv`);
      if (total > rows)
        void message.warning(`共 ${total} 件，已导出前 ${rows} 件（每次最多 ${EXPORT_CAP} 件）；请缩小检索条件后分批导出。`);
      else void message.success(`已导出 ${rows} 件`);
    } catch (e) {
      void message.error(`导出失败：${problemText(e)}`);
    } finally {
      setExporting(null);
    }
  };

  // The API's own enums (the OpenAPI document), so the filters offer exactly what GET /cases accepts.
  const enumOf = (name: string) => {
    const p = (
      doc?.paths['/api/v1/cases']?.get as { parameters?: { name: string; schema?: { enum?: string[] } }[] } | undefined
    )?.parameters?.find((x) => x.name === name);
    return enumOptions(p?.schema?.enum ?? []);
  };

  useEffect(() => {
    const v = query as Record<string, unknown>;
    form.setFieldsValue({
      ...v,
      opened: typeof v.openedFrom === 'string' && typeof v.openedTo === 'string' ? [dayjs(v.openedFrom), dayjs(v.openedTo)] : undefined,
      decided:
        typeof v.decidedFrom === 'string' && typeof v.decidedTo === 'string' ? [dayjs(v.decidedFrom), dayjs(v.decidedTo)] : undefined,
    });
  }, [query, form]);

  const update = (patch: Record<string, string | number | boolean | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || v === false) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const search = (values: Record<string, unknown>) => {
    const range = (r: unknown, i: number) => (Array.isArray(r) && r[i] ? (r[i] as Dayjs).format('YYYY-MM-DD') : undefined);
    const { opened, decided, ...rest } = values;
    update({
      ...(Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v as string | boolean | undefined])) as Record<
        string,
        string | boolean | undefined
      >),
      openedFrom: range(opened, 0),
      openedTo: range(opened, 1),
      decidedFrom: range(decided, 0),
      decidedTo: range(decided, 1),
      page: undefined,
    });
  };

  const onTable: TableProps<CaseSearchItem>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof s?.field === 'string' && (SORTABLE as readonly string[]).includes(s.field) ? s.field : undefined;
    update({
      page: pagination.current && pagination.current > 1 ? pagination.current : undefined,
      pageSize: pagination.pageSize && pagination.pageSize !== 20 ? pagination.pageSize : undefined,
      sort: s?.order ? field : undefined,
      order: s?.order ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined,
    });
  };

  const sortOrder = (field: string) => (query.sort === field ? (query.order === 'asc' ? 'ascend' : 'descend') : null);

  return (
    <>
      <PageTitle
        actions={
          <>
            <Button onClick={() => void exportCsv()} loading={exporting !== null} disabled={!data?.total}>
              导出 CSV
            </Button>
            {mayUse(user, 'cases.open') && (
              <Button type="primary" onClick={() => setOpening(true)}>
                立案登记
              </Button>
            )}
          </>
        }
      >
        案件查询
      </PageTitle>
      <Form form={form} name="caseFilter" layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }} aria-label="检索条件">
        <Form.Item name="stage" label="阶段">
          <Select allowClear style={{ width: 180 }} options={STAGE_OPTIONS} placeholder="全部" />
        </Form.Item>
        <Form.Item name="party" label="当事人">
          <Input allowClear placeholder="名称或代码" />
        </Form.Item>
        <Form.Item name="industry" label="行业">
          <Select allowClear style={{ width: 180 }} options={enumOf('industry')} placeholder="全部" />
        </Form.Item>
        <Form.Item name="officerId" label="承办人员">
          <Input allowClear />
        </Form.Item>
        <Form.Item name="agencyId" label="承办机关">
          <Input allowClear placeholder="默认本机关" />
        </Form.Item>
        <Form.Item name="includeSubordinates" label="含下级机关" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="overdue" label="逾期期限">
          <Select allowClear style={{ width: 200 }} options={enumOf('overdue')} placeholder="全部" />
        </Form.Item>
        <Form.Item name="flag" label="标记">
          <Select allowClear style={{ width: 200 }} options={enumOf('flag')} placeholder="全部" />
        </Form.Item>
        <Form.Item name="opened" label="立案申请日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="decided" label="决定日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <FilterActions onReset={() => setParams(new URLSearchParams())} />
      </Form>
      {exporting && (
        <div role="status" aria-live="polite" style={{ marginBottom: 16 }} data-testid="export-progress">
          正在导出：已读取 {exporting.read} / {exporting.of || '…'} 件
          {exporting.total > EXPORT_CAP ? `（共 ${exporting.total} 件，每次最多导出 ${EXPORT_CAP} 件）` : ''}
          <Progress percent={exporting.of ? Math.round((exporting.read / exporting.of) * 100) : 0} size="small" aria-hidden />
        </div>
      )}
      {data && data.total > EXPORT_CAP && (
        <Typography.Paragraph type="secondary">
          导出 CSV 每次最多 {EXPORT_CAP} 件；本次检索共 {data.total} 件，请缩小检索条件后分批导出。
        </Typography.Paragraph>
      )}
      <LoadError title="查询失败" error={error} />
      <Table<CaseSearchItem>
        rowKey="caseId"
        loading={loading}
        dataSource={data?.items ?? []}
        onChange={onTable}
        locale={{ emptyText: '没有符合条件的案件。可调整检索条件，或点击「立案登记」。' }}
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 件`,
        }}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'caseNo',
            sorter: true,
            sortOrder: sortOrder('caseNo'),
            render: (no: string | null, r) => <Link to={`/cases/${r.caseId}`}>{no ?? '待立案'}</Link>,
          },
          { title: '当事人', dataIndex: ['party', 'name'] },
          { title: '阶段', dataIndex: 'stage', render: (s: string) => <Tag color={stageColor(s)}>{stageName(s)}</Tag> },
          { title: '行业', dataIndex: 'industry', render: industryName },
          { title: '立案申请', dataIndex: 'openedAt', sorter: true, sortOrder: sortOrder('openedAt'), render: date },
          { title: '决定日期', dataIndex: 'decidedAt', sorter: true, sortOrder: sortOrder('decidedAt'), render: date },
          { title: '更新时间', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrder('updatedAt'), render: date },
          {
            title: '逾期',
            dataIndex: 'overdue',
            render: (o: string[]) =>
              o.map((k) => (
                <Tag key={k} color="error">
                  {deadlineKindName(k)}
                </Tag>
              )),
          },
        ]}
      />
      <Drawer title="立案登记" size={720} open={opening} onClose={() => setOpening(false)} destroyOnHidden>
        {opening && <OpenCaseForm defaultAgencyId={user.agencyId} />}
      </Drawer>
    </>
  );
}
