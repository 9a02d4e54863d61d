import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_EVENT_TYPES } from '@workflows/enforcement-case/case-events';
import { problemText } from '../api/client';
import { useApiRead } from '../api/useApiRead';
import { commandTitle } from '../api/openapi-doc';
import type { AuditItem, AuditPage } from '../api/types';
import type { operations } from '../api/schema';
import { type ChainStatus, type IntegrityReport, PROBLEM_ZH, chainStatus, download, verifyChains } from '../audit/integrity';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';
import { eventTypeName } from '../cases/vocabulary';
import { FilterActions, LoadError } from '../forms/FilterActions';
import { PageTitle } from '../layout/PageTitle';

type AuditQuery = NonNullable<operations['AuditController_audit']['parameters']['query']>;

// Every filter of GET /audit, and its cursor, live in the URL: a filtered trail can be sent as a link.
const FILTER_KEYS = [
  'agencyId',
  'caseId',
  'actorId',
  'type',
  'from',
  'to',
  'after',
  'limit',
] as const satisfies readonly (keyof AuditQuery)[];

function queryFrom(params: URLSearchParams): AuditQuery {
  const q: Record<string, string | number> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) q[k] = k === 'after' || k === 'limit' ? Number(v) : v;
  }
  return q;
}

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

const CHAIN_TAG: Record<ChainStatus, { color: string; text: string }> = {
  verified: { color: 'default', text: '✓ 完整' },
  broken: { color: 'error', text: '✗ 被篡改' },
  unverified: { color: 'default', text: '未校验' },
};

/** 审计日志: GET /audit with its filters and cursor, each event's chain status from GET /integrity/verify, export. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFrom(params), [params]);
  // No rows of the previous query while the next one loads.
  const { data, error, loading } = useApiRead<AuditPage>('/audit', query);
  const [exportError, setExportError] = useState<string | null>(null);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const doc = useOpenApiDocument();
  const [form] = Form.useForm();

  // One verification per visit: it walks the whole log, so paging and filtering reuse it.
  useEffect(() => {
    verifyChains()
      .then(setReport)
      .catch((e: unknown) => setVerifyError(problemText(e)));
  }, []);

  useEffect(() => {
    form.setFieldsValue({ ...query, period: query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : undefined });
  }, [query, form]);

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const search = ({ period, ...rest }: Record<string, string | undefined> & { period?: [Dayjs, Dayjs] | null }) =>
    update({
      ...rest,
      from: period?.[0]?.startOf('day').format(),
      to: period?.[1]?.endOf('day').format(),
      after: undefined,
    });

  const exportAs = (format: 'csv' | 'jsonl') => {
    // The export starts at the beginning of the filtered trail, as many events as the API gives in one answer.
    const { after: _after, limit: _limit, ...filters } = query;
    setExportError(null);
    download('/audit', { ...filters, format, limit: 10000 }, `audit.${format}`).catch((e: unknown) => setExportError(problemText(e)));
  };

  return (
    <>
      <PageTitle
        actions={
          <>
            <Button onClick={() => exportAs('csv')}>导出 CSV</Button>
            <Button onClick={() => exportAs('jsonl')}>导出 JSONL</Button>
          </>
        }
      >
        审计日志
      </PageTitle>
      <Form form={form} name="auditFilter" layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }} aria-label="检索条件">
        <Form.Item name="agencyId" label="机关（含下级）">
          <Input allowClear placeholder="默认本机关" />
        </Form.Item>
        <Form.Item name="caseId" label="案件 ID">
          <Input allowClear style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="actorId" label="操作人">
          <Input allowClear />
        </Form.Item>
        <Form.Item name="type" label="事件类型">
          <Select
            allowClear
            showSearch
            style={{ width: 240 }}
            placeholder="全部"
            options={CASE_EVENT_TYPES.map((t) => ({ value: t, label: t }))}
          />
        </Form.Item>
        <Form.Item name="period" label="记录时间">
          <DatePicker.RangePicker />
        </Form.Item>
        <FilterActions onReset={() => setParams(new URLSearchParams())} />
      </Form>
      <LoadError title="查询失败" error={error} />
      <LoadError title="导出失败" error={exportError} />
      {verifyError && <Alert type="warning" showIcon title="链校验未能完成" description={verifyError} style={{ marginBottom: 16 }} />}
      {report?.problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`哈希链校验未通过：第 ${report.problem.position} 条 —— ${PROBLEM_ZH[report.problem.kind]}`}
          description={
            <>
              {report.problem.detail}。详见
              <Link to="/integrity" style={{ textDecoration: 'underline' }}>
                完整性校验
              </Link>
              。
            </>
          }
        />
      )}
      <Table<AuditItem>
        rowKey="position"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: '没有符合条件的事件。可放宽检索条件（机关、案件、操作人、事件类型或时间）。' }}
        columns={[
          { title: '位置', dataIndex: 'position' },
          { title: '记录时间', dataIndex: 'recorded_at', render: time },
          { title: '发生时间', dataIndex: 'occurred_at', render: time },
          { title: '事件', dataIndex: 'type', render: (t: string) => `${eventTypeName(t)}（${t}）` },
          { title: '操作人（机构）', render: (_: unknown, r) => `${r.actor_id}（${r.actor_agency_id}）` },
          { title: '命令', dataIndex: 'command', render: (c: string) => (doc && c ? commandTitle(doc, c) : c) },
          {
            title: '案件',
            dataIndex: 'case_id',
            render: (id: string, r) => (
              <Link to={`/cases/${id}`} aria-label={`案件 ${id} 第 ${r.revision} 版`}>
                {id.slice(0, 8)} · 第 {r.revision} 版
              </Link>
            ),
          },
          {
            title: '链校验',
            dataIndex: 'position',
            key: 'chain',
            render: (p: string, r) => {
              const status = report ? chainStatus(report, p) : null;
              const tag = status ? CHAIN_TAG[status] : { color: 'processing', text: '校验中' };
              return (
                <Tooltip title={r.metadata.hash ? `哈希 ${r.metadata.hash}，前一哈希 ${r.metadata.prevHash}` : '无哈希'}>
                  <Tag color={tag.color} data-chain={status ?? 'pending'} tabIndex={0}>
                    {tag.text}
                  </Tag>
                </Tooltip>
              );
            },
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={query.after === undefined} onClick={() => update({ after: undefined })}>
          第一页
        </Button>
        <Button type="primary" disabled={!data?.next} onClick={() => update({ after: data?.next ?? undefined })}>
          下一页
        </Button>
        <Select
          aria-label="每页条数"
          value={query.limit ?? 100}
          style={{ width: 120 }}
          onChange={(limit: number) => update({ limit: limit === 100 ? undefined : limit, after: undefined })}
          options={[20, 50, 100, 500].map((n) => ({ value: n, label: `每页 ${n} 条` }))}
        />
      </Space>
    </>
  );
}
