import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, Form, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { INTERFERENCE_MEANS_NAMES, INTERVENER_RELATION_NAMES } from '@workflows/enforcement-case/vocabulary/interference';
import { zhName } from '@workflows/enforcement-case/vocabulary/name';
import { api, problemText } from '../api/client';
import { useApiRead } from '../api/useApiRead';
import { saveCsv } from '../export/download';
import { type InterferenceQuery, type InterferenceRecord, QUARTER_OPTIONS, recentYears } from './interference-types';
import { FilterActions, LoadError } from '../forms/FilterActions';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

interface Props {
  query: InterferenceQuery;
  onQuery: (q: InterferenceQuery) => void;
  agencies: { value: string; label: string }[];
  thisYear: number;
}

interface RegisterPage {
  items: InterferenceRecord[];
  next: number | null;
}

/**
 * The register's pages: the API answers a page at a time (keyset: `after` the previous page's `next`), so the first
 * page is read with the filters and each further one on 加载更多, appended below; new filters start again.
 */
function useRegisterPages(query: InterferenceQuery) {
  const first = useApiRead<RegisterPage>('/interference', query);
  const [more, setMore] = useState<{ for: RegisterPage; items: InterferenceRecord[]; next: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  // Pages read after another first page (older filters) are not this query's.
  const extra = more && more.for === first.data ? more : null;
  const rows = first.data ? [...first.data.items, ...(extra?.items ?? [])] : null;
  const next = extra ? extra.next : (first.data?.next ?? null);
  const loadMore = () => {
    const base = first.data;
    if (!base || next === null) return;
    setLoadingMore(true);
    setMoreError(null);
    api<RegisterPage>('/interference', { query: { ...query, after: next } })
      .then((r) => setMore({ for: base, items: [...(extra?.items ?? []), ...r.body.items], next: r.body.next }))
      .catch((e: unknown) => setMoreError(problemText(e)))
      .finally(() => setLoadingMore(false));
  };
  return { rows, next, loadMore, loadingMore, error: first.error ?? moreError };
}

/** 干预记录登记簿: GET /interference with its filters, page after page; each entry links to its case. */
export function InterferenceRegister({ query, onQuery, agencies, thisYear }: Props) {
  const { rows, next, loadMore, loadingMore, error } = useRegisterPages(query);
  const [form] = Form.useForm();
  const agencyName = (id: string) => agencies.find((a) => a.value === id)?.label ?? id;

  useEffect(() => {
    form.setFieldsValue({ agencyId: undefined, year: undefined, quarter: undefined, caseId: undefined, intervener: undefined, ...query });
  }, [query, form]);

  const exportCsv = () =>
    saveCsv(
      'interference-register.csv',
      ['发生时间', '案件', '机构', '干预人', '单位', '职务', '关系', '方式', '干预内容', '处理情况', '记录人', '记录时间', '更正记录'],
      (rows ?? []).map((r) => [
        time(r.occurred_at),
        r.case_no ?? r.case_id,
        agencyName(r.agency_id),
        r.intervener_name,
        r.intervener_unit,
        r.intervener_post,
        zhName(INTERVENER_RELATION_NAMES, r.relation),
        zhName(INTERFERENCE_MEANS_NAMES, r.means),
        r.content,
        r.handling,
        r.recorder_name,
        time(r.recorded_at),
        r.corrects ?? '',
      ]),
    );

  return (
    <>
      <Form
        form={form}
        name="interferenceFilter"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: InterferenceQuery) => onQuery(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')))}
      >
        <Form.Item name="agencyId" label="机关（含下级）">
          <Select allowClear placeholder="本机关" options={agencies} style={{ width: 240 }} aria-label="机关（含下级）" />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <Select allowClear placeholder="全部" options={recentYears(thisYear)} virtual={false} style={{ width: 110 }} aria-label="年度" />
        </Form.Item>
        <Form.Item
          name="quarter"
          label="季度"
          dependencies={['year']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, q) => (q && !getFieldValue('year') ? Promise.reject(new Error('选择季度须同时选择年度')) : Promise.resolve()),
            }),
          ]}
        >
          <Select allowClear placeholder="全年" options={QUARTER_OPTIONS} style={{ width: 120 }} aria-label="季度" />
        </Form.Item>
        <Form.Item name="intervener" label="干预人姓名">
          <Input allowClear />
        </Form.Item>
        <Form.Item name="caseId" label="案件 ID">
          <Input allowClear style={{ width: 320 }} />
        </Form.Item>
        <FilterActions onReset={() => onQuery({})}>
          <Button onClick={exportCsv} disabled={!rows?.length}>
            导出 CSV
          </Button>
        </FilterActions>
      </Form>
      <LoadError title="查询失败" error={error} />
      <Table<InterferenceRecord>
        rowKey="record_id"
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        scroll={{ x: true }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 条` }}
        locale={{ emptyText: '没有符合条件的干预记录。' }}
        aria-label="干预记录登记簿"
        columns={[
          { title: '发生时间', dataIndex: 'occurred_at', render: time },
          {
            title: '案件',
            dataIndex: 'case_id',
            render: (id: string, r) => <Link to={`/cases/${id}`}>{r.case_no ?? `${id.slice(0, 8)}（未立案）`}</Link>,
          },
          { title: '机构', dataIndex: 'agency_id', render: agencyName },
          {
            title: '干预人',
            dataIndex: 'intervener_name',
            render: (name: string, r) => (
              <>
                {name}
                <Typography.Text type="secondary">
                  （{r.intervener_unit} {r.intervener_post}）
                </Typography.Text>
              </>
            ),
          },
          { title: '关系', dataIndex: 'relation', render: (v: string) => zhName(INTERVENER_RELATION_NAMES, v) },
          { title: '方式', dataIndex: 'means', render: (v: string) => zhName(INTERFERENCE_MEANS_NAMES, v) },
          { title: '干预内容', dataIndex: 'content' },
          { title: '处理情况', dataIndex: 'handling' },
          { title: '记录人', dataIndex: 'recorder_name' },
          { title: '记录时间', dataIndex: 'recorded_at', render: time },
          { title: '更正', dataIndex: 'corrects', render: (c: string | null) => (c ? `更正记录 ${c.slice(0, 8)}` : '—') },
        ]}
      />
      {next !== null && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={loadMore} loading={loadingMore}>
            加载更多（已显示 {rows?.length ?? 0} 条）
          </Button>
        </div>
      )}
    </>
  );
}
