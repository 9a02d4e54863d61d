import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Layout, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, api } from '../api/client';
import type { PublicDecision, PublicDecisionsPage, PublicDecisionsQuery } from '../api/types';
import { LoadError } from '../forms/FilterActions';

const PAGE_SIZE = 20;
const money = (yuan: number) => `¥${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** 行政处罚决定公示: without sign-in, masked by the API exactly as it publishes them. */
export default function PublicDecisionsPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const [items, setItems] = useState<PublicDecision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const query: PublicDecisionsQuery = { page, pageSize: PAGE_SIZE };
    api<PublicDecisionsPage>('/public/decisions', { query: { ...query }, anonymous: true })
      .then((r) => setItems(r.body.items))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [page]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        <main>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            行政处罚决定公示
          </Typography.Title>
          <Typography.Paragraph type="secondary">依法公开的安全生产行政处罚决定（自然人姓名已按规定隐去）。</Typography.Paragraph>
          <LoadError title="加载失败" error={error} />
          <Table<PublicDecision>
            rowKey="decisionNo"
            loading={!items && !error}
            dataSource={items ?? []}
            locale={{ emptyText: '暂无公示的处罚决定。' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              // The API pages without a total: a full page means there may be another.
              total: (page - 1) * PAGE_SIZE + (items?.length ?? 0) + ((items?.length ?? 0) === PAGE_SIZE ? 1 : 0),
              onChange: (p) => setParams(p > 1 ? { page: String(p) } : {}),
            }}
            columns={[
              { title: '决定书文号', dataIndex: 'decisionNo' },
              {
                title: '当事人',
                dataIndex: 'party',
                render: (p: PublicDecision['party']) => `${p.name}${p.creditCode ? `（${p.creditCode}）` : ''}`,
              },
              {
                title: '违法事实',
                dataIndex: 'violations',
                render: (v: PublicDecision['violations']) => v.join('；'),
              },
              {
                title: '处罚内容',
                dataIndex: 'penalties',
                render: (ps: PublicDecision['penalties']) =>
                  ps.map((p) => (p.amountYuan ? `${p.kind} ${money(p.amountYuan)}` : p.kind)).join('；'),
              },
              { title: '法律依据', dataIndex: 'legalBasis', render: (b: string[]) => b.join('；') },
              { title: '决定日期', dataIndex: 'decidedAt', render: (d: string) => dayjs(d).format('YYYY-MM-DD') },
              { title: '作出机关', dataIndex: 'agencyId' },
            ]}
          />
          <Typography.Paragraph>
            <Link to="/login">工作人员登录</Link>
          </Typography.Paragraph>
        </main>
      </Layout.Content>
    </Layout>
  );
}
