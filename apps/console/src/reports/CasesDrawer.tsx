import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Drawer, Table, Tag } from 'antd';
import { ApiError, api } from '../api/client';
import type { AssessmentCasesPage, CaseSearchItem, CaseSearchPage } from '../api/types';
import { stageColor, stageName } from '../cases/stages';
import { agencyName } from './useReportAgencies';
import type { ReportAgency } from '../api/types';
import { LoadError } from '../forms/FilterActions';

export interface DrillDown {
  title: string;
  /** The figure, and the report's link to page through the cases behind it. */
  count: number;
  cases: string;
  /** The report's scope, so the search reads the same agencies the report did. */
  agencyId: string;
  includeSubordinates: boolean;
}

const PAGE_SIZE = 20;

/** One page of a figure's case ids from the report's link (keyset: the cursor the page before returned). */
async function figurePage(href: string, after: string | null): Promise<{ ids: string[]; next: string | null }> {
  const [path, search] = href.split('?');
  const query = { ...Object.fromEntries(new URLSearchParams(search)), limit: String(PAGE_SIZE), ...(after ? { after } : {}) };
  const { body } = await api<AssessmentCasesPage>(path, { query });
  return { ids: body.items.map((i) => i.caseId), next: body.next };
}

/**
 * The cases behind a report figure: the report's link pages their ids by cursor, and GET /cases?caseIds lists each
 * page's cases (bounded requests, whatever the figure). A page further on is reached through the cursors before it.
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
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<CaseSearchItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // cursors[k]: where page k + 1 starts (null: the first page), as the pages before returned them.
  const cursors = useRef<(string | null)[]>([null]);

  useEffect(() => {
    cursors.current = [null];
    setPage(1);
  }, [drill]);

  useEffect(() => {
    if (!drill) return;
    let current = true;
    const known = cursors.current;
    setItems(null);
    setError(null);
    (async () => {
      for (let k = known.length; k < page; k++) known[k] = (await figurePage(drill.cases, known[k - 1])).next;
      const after = known[page - 1];
      const { ids, next } = page > 1 && after === null ? { ids: [], next: null } : await figurePage(drill.cases, after);
      known[page] = next;
      // A case counts once however many of its orders a rate counts (整改复查率 counts rectification orders).
      const unique = [...new Set(ids)];
      if (!unique.length) return [];
      const found = await api<CaseSearchPage>('/cases', {
        query: {
          caseIds: unique.join(','),
          agencyId: drill.agencyId,
          includeSubordinates: drill.includeSubordinates || undefined,
          pageSize: PAGE_SIZE,
          sort: 'caseNo',
          order: 'asc',
        },
      });
      return found.body.items;
    })()
      .then((found) => current && setItems(found))
      .catch((e: unknown) => current && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [drill, page]);

  return (
    <Drawer open={!!drill} onClose={onClose} size="large" title={drill ? `${drill.title}（${drill.count} 件）` : ''} destroyOnHidden>
      <LoadError title="案件加载失败" error={error} />
      <Table<CaseSearchItem>
        rowKey="caseId"
        loading={!items && !error}
        dataSource={items ?? []}
        locale={{ emptyText: '没有案件' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: drill?.count ?? 0, onChange: setPage, showSizeChanger: false }}
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
