import { useEffect, useState } from 'react';
import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { EvidenceFileAttachedData } from '@workflows/enforcement-case/event-data/procedure.data';
import { EVIDENCE_KIND_NAMES } from '@workflows/enforcement-case/vocabulary/evidence-kinds';
import { zhName } from '@workflows/enforcement-case/vocabulary/name';
import { api, problemText } from '../api/client';
import type { CaseEvent } from '../api/types';
import { EvidenceFiles, EvidenceUpload } from './EvidenceFiles';

interface EvidenceRow {
  id: string;
  kind: string;
  title: string;
  officerIds: string[];
  contentHash: string;
  occurredAt: string;
  files: EvidenceFileAttachedData[];
}

interface Props {
  caseId: string;
  revision: number;
  /** Whether this user may upload evidence files now (attach-evidence-file). */
  mayUpload: boolean;
  /** After an upload: the case has a new revision. */
  onUploaded: () => void;
}

/**
 * 证据: the evidence recorded on the case, read from its own history (GET /cases/{id}/events, one case's events):
 * kind, title, the officers who took it, the SHA-256 of its content, and the files uploaded to it (their
 * EvidenceFileAttached events), each downloadable; 上传文件 for who may.
 */
export function CaseEvidence({ caseId, revision, mayUpload, onUploaded }: Props) {
  const [rows, setRows] = useState<EvidenceRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<CaseEvent[]>(`/cases/${caseId}/events`)
      .then(({ body }) => {
        const files = body.filter((e) => e.type === 'EvidenceFileAttached').map((e) => e.data as unknown as EvidenceFileAttachedData);
        setRows(
          body
            .filter((e) => e.type === 'EvidenceRecorded')
            .map((e) => {
              const d = e.data as { evidenceId: string; kind: string; title: string; officerIds: string[]; contentHash: string };
              const own = files.filter((f) => f.evidenceId === d.evidenceId);
              return { id: d.evidenceId, ...d, occurredAt: e.metadata.occurredAt ?? '', files: own };
            }),
        );
      })
      .catch((e: unknown) => setError(problemText(e)));
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
            {
              title: '文件',
              key: 'files',
              render: (_, row) => <EvidenceFiles caseId={caseId} evidenceId={row.id} files={row.files} />,
            },
            ...(mayUpload
              ? [
                  {
                    title: '操作',
                    key: 'upload',
                    render: (_: unknown, row: EvidenceRow) => (
                      <EvidenceUpload caseId={caseId} evidenceId={row.id} title={row.title} onUploaded={onUploaded} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
