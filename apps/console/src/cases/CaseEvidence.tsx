import { useEffect, useState } from 'react';
import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { EVIDENCE_KIND_NAMES } from '@workflows/enforcement-case/vocabulary/evidence-kinds';
import { zhName } from '@workflows/enforcement-case/vocabulary/name';
import { ApiError, api } from '../api/client';
import type { CaseEvent } from '../api/types';

interface EvidenceRow {
  id: string;
  kind: string;
  title: string;
  officerIds: string[];
  contentHash: string;
  occurredAt: string;
}

/**
 * 证据: the evidence recorded on the case, read from its own history (GET /cases/{id}/events, one case's events):
 * kind, title, the officers who took it, and the SHA-256 of its content — the file itself is never stored here.
 */
export function CaseEvidence({ caseId, revision }: { caseId: string; revision: number }) {
  const [rows, setRows] = useState<EvidenceRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<CaseEvent[]>(`/cases/${caseId}/events`)
      .then(({ body }) =>
        setRows(
          body
            .filter((e) => e.type === 'EvidenceRecorded')
            .map((e) => {
              const d = e.data as { evidenceId: string; kind: string; title: string; officerIds: string[]; contentHash: string };
              return { id: d.evidenceId, ...d, occurredAt: e.metadata.occurredAt ?? '' };
            }),
        ),
      )
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [caseId, revision]); // a new revision may have recorded evidence

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        证据
      </Typography.Title>
      {error ? (
        <Typography.Paragraph type="danger">证据读取失败：{error}</Typography.Paragraph>
      ) : (
        <Table<EvidenceRow>
          aria-label="证据"
          rowKey="id"
          size="small"
          pagination={false}
          loading={!rows}
          dataSource={rows ?? []}
          locale={{ emptyText: '尚未记录证据' }}
          columns={[
            { title: '证据种类', dataIndex: 'kind', render: (k: string) => zhName(EVIDENCE_KIND_NAMES, k) },
            { title: '名称', dataIndex: 'title' },
            { title: '取证人员', dataIndex: 'officerIds', render: (ids: string[]) => ids.join('、') },
            { title: '内容摘要（SHA-256）', dataIndex: 'contentHash', render: (h: string) => <code title={h}>{h.slice(0, 16)}…</code> },
            { title: '取证时间', dataIndex: 'occurredAt', render: (t: string) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '') },
          ]}
        />
      )}
    </>
  );
}
