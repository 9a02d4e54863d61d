import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, api } from '../api/client';
import { commandTitle } from '../api/openapi-doc';
import type { CaseView, Deadline } from '../api/types';
import { commandsFor, mayUpload } from '../auth/permissions';
import { currentSession } from '../auth/session';
import { CaseEvidence } from '../cases/CaseEvidence';
import { CommandForm } from '../cases/CommandForm';
import { StateDiagram } from '../cases/StateDiagram';
import { stageColor } from '../cases/stages';
import { deadlineKindName, industryName } from '../cases/vocabulary';
import { CaseDocumentsSection } from '../documents/CaseDocuments';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';

const STATUS: Record<Deadline['status'], { text: string; color: string }> = {
  open: { text: '进行中', color: 'processing' },
  met: { text: '已完成', color: 'success' },
  missed: { text: '已超期', color: 'error' },
  paused: { text: '已暂停', color: 'default' },
};

/**
 * 案件详情: number, party, stage, the state diagram, the commands this user may issue now, deadlines with their legal
 * basis, evidence with its files, and the case's documents (文书) and 案卷.
 */
export default function CaseDetailPage() {
  const { caseId } = useParams();
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [command, setCommand] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const doc = useOpenApiDocument();
  const user = currentSession()!.user;

  const load = useCallback(async () => {
    const { body } = await api<CaseView>(`/cases/${caseId}`);
    setView(body);
    return body;
  }, [caseId]);

  useEffect(() => {
    load().catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [load]);

  if (error) return <Alert type="error" showIcon title="无法打开案件" description={error} />;
  if (!view || !doc) return <Skeleton active />;

  const party = view.party;
  const commands = commandsFor(user, view);
  const open = (c: string, target?: HTMLElement) => {
    if (target) opener.current = target;
    setCommand(c);
  };
  const close = () => {
    setCommand(null);
    // Focus goes back to the button that opened the form.
    setTimeout(() => opener.current?.focus(), 0);
  };

  return (
    <>
      <Space align="center" wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="case-no">
          {view.caseNo ?? '待立案'}
        </Typography.Title>
        <Tag color={stageColor(view.stage)} data-testid="case-stage">
          {view.stageName.zh}
        </Tag>
        {view.flags.map((f) => (
          <Tag key={f}>{f}</Tag>
        ))}
        <Link to={`/cases/${caseId}/timeline`}>时间线</Link>
      </Space>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
        <Descriptions.Item label="当事人">
          {party.name}
          {party.creditCode || party.idNumber ? `（${party.creditCode ?? party.idNumber}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="案由">{view.summary}</Descriptions.Item>
        <Descriptions.Item label="行业">{industryName(view.industry)}</Descriptions.Item>
        <Descriptions.Item label="承办人">{view.handlingOfficerIds.join('、')}</Descriptions.Item>
        <Descriptions.Item label="承办机构">
          {view.agencyId}
          {view.issuerAgencyId && view.issuerAgencyId !== view.agencyId ? `（委托机关 ${view.issuerAgencyId}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="发现日期">{view.discoveredAt}</Descriptions.Item>
        <Descriptions.Item label="立案日期">{view.filedAt ? dayjs(view.filedAt).format('YYYY-MM-DD') : '—'}</Descriptions.Item>
        {view.decision && <Descriptions.Item label="决定书文号">{view.decision.decisionNo}</Descriptions.Item>}
        <Descriptions.Item label="版本">{view.revision}</Descriptions.Item>
      </Descriptions>

      <StateDiagram state={view.state} />

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        可执行的操作
      </Typography.Title>
      {commands.length === 0 ? (
        <Typography.Paragraph type="secondary">当前没有您可执行的操作。</Typography.Paragraph>
      ) : (
        <Space wrap aria-label="可执行的操作">
          {commands.map((c, i) => (
            <Button key={c} type={i === 0 ? 'primary' : 'default'} data-command={c} onClick={(e) => open(c, e.currentTarget)}>
              {commandTitle(doc, c)}
            </Button>
          ))}
        </Space>
      )}

      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        期限
      </Typography.Title>
      <Table<Deadline>
        rowKey={(d) => `${d.kind}:${d.startedAt}`}
        size="small"
        pagination={false}
        dataSource={view.deadlines}
        locale={{ emptyText: '暂无期限' }}
        columns={[
          { title: '期限', dataIndex: 'kind', render: deadlineKindName },
          { title: '法律依据', dataIndex: 'basis' },
          { title: '截止日期', dataIndex: 'dueDate' },
          { title: '状态', dataIndex: 'status', render: (s: Deadline['status']) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag> },
          { title: '说明', dataIndex: 'provisional', render: (p?: string) => p ?? '' },
        ]}
      />

      <CaseEvidence
        caseId={view.caseId}
        revision={view.revision}
        mayUpload={mayUpload(user, view, 'attach-evidence-file')}
        onUploaded={() => void load()}
      />

      <CaseDocumentsSection
        caseId={view.caseId}
        revision={view.revision}
        mayIssue={commands.includes('issue-document')}
        onIssued={() => void load()}
      />

      <Drawer title={command ? commandTitle(doc, command) : ''} size={640} open={command !== null} onClose={close} destroyOnHidden>
        {command && (
          <CommandForm
            key={command}
            doc={doc}
            view={view}
            command={command}
            onReload={load}
            onCommand={(c) => open(c)}
            onDone={(v) => {
              setView(v);
              close();
            }}
          />
        )}
      </Drawer>
    </>
  );
}
