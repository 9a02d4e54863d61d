import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Drawer, Table, Tag } from 'antd';
import { ApiError, api } from '../api/client';
import type { CaseSearchItem, CaseSearchPage } from '../api/types';
import { stageColor, stageName } from '../cases/stages';
import { agencyName } from './useReportAgencies';
import type { ReportAgency } from '../api/types';
import { LoadError } from '../forms/FilterActions';

export interface DrillDown {
  title: string;
  caseIds: string[];
  /** The report's scope, so the search reads the same agencies the report did. */
  agencyId: string;
  includeSubordinates: boolean;
}

const PAGE_SIZE = 20;

/**
 * The cases behind a report figure: the report names them by id, and GET /cases?caseIds lists them a page at a time
 * (a page's ids per request, so a figure of any size is listed in bounded requests).
 */
export function CasesDrawer({
  drill,
  agencies,
  onClose,
}: {
  drill: DrillDown | null;
  agencies: ReportAgency[] | null;
  onClose: () => void;
}) {
  // A case counts once however many of its orders a rate counts (整改复查率 counts rectification orders).
  const ids = useMemo(() => [...new Set(drill?.caseIds ?? [])], [drill]);
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<CaseSearchItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setPage(1), [drill]);

  useEffect(() => {
    if (!drill) return;
    const slice = ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    setItems(null);
    setError(null);
    if (!slice.length) return setItems([]);
    api<CaseSearchPage>('/cases', {
      query: {
        caseIds: slice.join(','),
        agencyId: drill.agencyId,
        includeSubordinates: drill.includeSubordinates || undefined,
        pageSize: PAGE_SIZE,
        sort: 'caseNo',
        order: 'asc',
      },
    })
      .then((r) => setItems(r.body.items))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [drill, ids, page]);

  return (
    <Drawer open={!!drill} onClose={onClose} size="large" title={drill ? `${drill.title}（${ids.length} 件）` : ''} destroyOnHidden>
      <LoadError title="案件加载失败" error={error} />
      <Table<CaseSearchItem>
        rowKey="caseId"
        loading={!items && !error}
        dataSource={items ?? []}
        locale={{ emptyText: '没有案件' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: ids.length, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: '案件编号',
            dataIndex: 'caseNo',
            render: (no: string | null, r) => (
              <Link to={`/cases/${r.caseId}`} data-case-id={r.caseId}>
                {no ?? '待立案'}
              </Link>
            ),
          },
          { title: '当事人', dataIndex: ['party', 'name'] },
          { title: '阶段', dataIndex: 'stage', render: (s: string) => <Tag color={stageColor(s)}>{stageName(s)}</Tag> },
          { title: '承办机关', dataIndex: 'agencyId', render: (id: string) => agencyName(agencies, id) },
        ]}
      />
    </Drawer>
  );
}
