import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, apiFile, problemText } from '../api/client';
import type { CaseDocuments, CommandAnswer, IssuedDocument, ProducedDocument } from '../api/types';
import { saveBlob } from '../export/download';
import { DocumentPreview } from './DocumentPreview';

interface Props {
  caseId: string;
  /** The case revision shown: a new one may have produced or issued documents. */
  revision: number;
  /** Whether this user may issue documents of this case now (issue-document among their commands). */
  mayIssue: boolean;
  /** After an issue: the case has a new revision. */
  onIssued: () => void;
}

interface Row extends ProducedDocument {
  issued?: IssuedDocument;
}

/**
 * 文书: the documents the case has produced so far, each with its 预览 (HTML print view), PDF and DOCX, and 签发 for
 * the handling officer; an issued one with its 文号, 签发时间, 签发人 and SHA-256, and the issued PDF. Above them the
 * 案卷 (the whole case file as one PDF). Every file is fetched with the session's token and saved under the name the
 * API gives it.
 */
export function CaseDocumentsSection({ caseId, revision, mayIssue, onIssued }: Props) {
  const { modal, message } = App.useApp();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ kind: string; title: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { body } = await api<CaseDocuments>(`/cases/${caseId}/documents`);
    const issued = new Map(body.items.map((d) => [d.kind, d]));
    setRows(body.produced.map((d) => ({ ...d, issued: issued.get(d.kind) })));
  }, [caseId]);

  useEffect(() => {
    load().catch((e: unknown) => setError(problemText(e)));
  }, [load, revision]);

  /** Fetches a file and saves it; a refusal is shown as the API words it. */
  const download = async (key: string, path: string, fallbackName: string, query?: Record<string, string>) => {
    setBusy(key);
    setError(null);
    try {
      const file = await apiFile(path, { query });
      saveBlob(file.blob, file.fileName ?? fallbackName);
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(null);
    }
  };

  const issue = (row: Row) =>
    modal.confirm({
      title: `签发${row.title}？`,
      content: `签发将按案件当前版本（第 ${revision} 版）生成 PDF，占用文号${row.number ? `（${row.number}）` : ''}，并将其 SHA-256 记入案件记录；每种文书只签发一次，签发后不能撤回。`,
      okText: '签发',
      cancelText: '取消',
      onOk: async () => {
        setError(null);
        try {
          const { body } = await api<CommandAnswer>(`/cases/${caseId}/commands/issue-document`, {
            method: 'POST',
            body: { kind: row.kind },
            headers: { 'if-match': `"${revision}"`, 'idempotency-key': crypto.randomUUID() },
          });
          const data = body.events.find((e) => e.type === 'DocumentIssued')?.data as { number?: string } | undefined;
          void message.success(`已签发${row.title}${data?.number ? `，文号 ${data.number}` : ''}`);
          onIssued();
        } catch (e) {
          setError(problemText(e));
        }
      },
    });

  const docPath = (kind: string) => `/cases/${caseId}/documents/${kind}`;

  return (
    <section aria-labelledby="case-documents-title">
      <Space align="center" wrap style={{ marginTop: 24, marginBottom: 8 }}>
        <Typography.Title level={2} id="case-documents-title" style={{ fontSize: 18, margin: 0 }}>
          文书
        </Typography.Title>
        <Button
          loading={busy === 'dossier'}
          onClick={() => void download('dossier', `/cases/${caseId}/dossier.pdf`, '案卷.pdf')}
          aria-label="下载案卷（PDF）"
        >
          案卷
        </Button>
      </Space>
      {error && <Alert type="error" showIcon role="alert" title="操作未完成" description={error} closable style={{ marginBottom: 8 }} />}
      <Table<Row>
        aria-label="文书"
        rowKey="kind"
        size="small"
        pagination={false}
        loading={!rows && !error}
        dataSource={rows ?? []}
        locale={{ emptyText: '本案尚未产生文书：立案审批后即有立案审批表' }}
        columns={[
          { title: '文书名称', dataIndex: 'title' },
          { title: '文号', dataIndex: 'number', render: (n: string | null) => n || '—' },
          {
            title: '状态',
            key: 'status',
            render: (_, row) =>
              row.missing.length > 0 ? (
                <>
                  <Tag color="error">信息不全</Tag>
                  <div data-testid="document-missing">缺少：{row.missing.map((m) => `${m.zh}（${m.field}）`).join('、')}</div>
                </>
              ) : row.issued ? (
                <>
                  <Tag color="success">已签发</Tag>
                  <div>
                    {dayjs(row.issued.issuedAt).format('YYYY-MM-DD HH:mm')} {row.issued.issuedBy.name}
                  </div>
                </>
              ) : (
                <Tag>未签发</Tag>
              ),
          },
          {
            title: 'SHA-256',
            key: 'sha256',
            render: (_, row) =>
              row.issued ? (
                <Typography.Text copyable={{ text: row.issued.sha256, tooltips: ['复制 SHA-256', '已复制'] }}>
                  <code title={row.issued.sha256} data-sha256={row.issued.sha256}>
                    {row.issued.sha256.slice(0, 12)}…
                  </code>
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, row) => {
              const complete = row.missing.length === 0;
              return (
                <Space wrap size={4}>
                  <Button size="small" disabled={!complete} aria-label={`预览${row.title}`} onClick={() => setPreview(row)}>
                    预览
                  </Button>
                  <Button
                    size="small"
                    disabled={!complete}
                    loading={busy === `${row.kind}.pdf`}
                    aria-label={`下载${row.title} PDF`}
                    onClick={() => void download(`${row.kind}.pdf`, docPath(row.kind), `${row.title}.pdf`, { format: 'pdf' })}
                  >
                    PDF
                  </Button>
                  <Button
                    size="small"
                    disabled={!complete}
                    loading={busy === `${row.kind}.docx`}
                    aria-label={`下载${row.title} DOCX`}
                    onClick={() => void download(`${row.kind}.docx`, docPath(row.kind), `${row.title}.docx`, { format: 'docx' })}
                  >
                    DOCX
                  </Button>
                  {row.issued ? (
                    <Button
                      size="small"
                      loading={busy === `${row.kind}.issued`}
                      aria-label={`下载签发的${row.title}（${row.issued.number}）`}
                      onClick={() =>
                        void download(
                          `${row.kind}.issued`,
                          `${docPath('issued')}/${encodeURIComponent(row.issued!.number)}`,
                          `${row.title}${row.issued!.number}.pdf`,
                          { kind: row.kind },
                        )
                      }
                    >
                      签发件
                    </Button>
                  ) : (
                    mayIssue &&
                    complete && (
                      <Button size="small" type="primary" aria-label={`签发${row.title}`} onClick={() => void issue(row)}>
                        签发
                      </Button>
                    )
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <DocumentPreview caseId={caseId} document={preview} onClose={() => setPreview(null)} />
    </section>
  );
}
