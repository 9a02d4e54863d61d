import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  List,
  Row,
  Skeleton,
  Slider,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, problemText } from '../api/client';
import { commandTitle, type OpenApiDocument } from '../api/openapi-doc';
import type { CaseEvent, CaseView, Deadline, TimelineAt } from '../api/types';
import { stageName } from '../cases/stages';
import { deadlineKindName, eventTypeName } from '../cases/vocabulary';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';

/** One event as `GET /cases/{caseId}/timeline` returns it (interference entries already redacted by the API). */
type TimelineEvent = CaseEvent;

const STATUS: Record<Deadline['status'], { text: string; color: string }> = {
  open: { text: '进行中', color: 'processing' },
  met: { text: '已完成', color: 'success' },
  missed: { text: '已超期', color: 'error' },
  paused: { text: '已暂停', color: 'default' },
};

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const deadlineKey = (d: Deadline) => `${d.kind}:${d.startedAt}`;

/** Entered on a later day than it happened: a paper step recorded afterwards. */
const lateEntry = (e: TimelineEvent) =>
  dayjs(e.metadata.recordedAt).format('YYYY-MM-DD') !== dayjs(e.metadata.occurredAt).format('YYYY-MM-DD');

function redacted(e: TimelineEvent): string | null {
  const data = e.data as { redacted?: boolean; reason?: string } | null;
  return data?.redacted ? (data.reason ?? '已隐去') : null;
}

function useTimeline(caseId: string | undefined, query: Record<string, string | number> | null) {
  const [result, setResult] = useState<{ key: string; view?: TimelineAt; error?: string } | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!query) return;
    let current = true;
    // Only the answer for the latest point counts: a scrub sends many requests.
    api<TimelineAt>(`/cases/${caseId}/timeline`, { query })
      .then(({ body }) => current && setResult({ key, view: body }))
      .catch((e: unknown) => current && setResult({ key, error: problemText(e) }));
    return () => {
      current = false;
    };
  }, [caseId, key]); // the query is compared by its serialised key
  return result?.key === key ? result : null;
}

function EventLine({ e, doc }: { e: TimelineEvent; doc: OpenApiDocument }) {
  const hidden = redacted(e);
  return (
    <List.Item data-revision={e.revision}>
      <Space orientation="vertical" size={2}>
        <Space wrap>
          <Tag>第 {e.revision} 版</Tag>
          <Typography.Text strong>{commandTitle(doc, e.metadata.command)}</Typography.Text>
          <Typography.Text type="secondary">{eventTypeName(e.type)}</Typography.Text>
          {lateEntry(e) && <Tag>补录</Tag>}
          {hidden && <Tag color="default">已隐去</Tag>}
        </Space>
        <Typography.Text>
          发生时间 {time(e.metadata.occurredAt)} · 记录时间 {time(e.metadata.recordedAt)} · 操作人{' '}
          {e.metadata.actor ? `${e.metadata.actor.name ?? ''}（${e.metadata.actor.id}）` : '（已隐去）'}
        </Typography.Text>
        {hidden && <Typography.Text type="secondary">{hidden}</Typography.Text>}
        {!hidden && e.type === 'InterferenceRecorded' && (
          <Typography.Text>
            {Object.entries(e.data as Record<string, unknown>)
              .map(([k, v]) => `${k}：${typeof v === 'string' ? v : JSON.stringify(v)}`)
              .join('；')}
          </Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}

function DeadlineTable({ deadlines }: { deadlines: Deadline[] }) {
  return (
    <Table<Deadline>
      rowKey={deadlineKey}
      size="small"
      pagination={false}
      dataSource={deadlines}
      locale={{ emptyText: '此时没有期限' }}
      columns={[
        { title: '期限', dataIndex: 'kind', render: deadlineKindName },
        { title: '法律依据', dataIndex: 'basis' },
        { title: '截止日期', dataIndex: 'dueDate' },
        { title: '状态', dataIndex: 'status', render: (s: Deadline['status']) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag> },
      ]}
    />
  );
}

/** The case at one point: stage, deadlines and their status then, the commands allowed then, the event of that revision. */
function PointView({ view, doc }: { view: TimelineAt; doc: OpenApiDocument }) {
  if (!view.case) return <Empty description="此时案件尚未创建，请选择更晚的版本或日期" />;
  const last = view.events[view.events.length - 1];
  return (
    <section aria-label="选定时点的案件状态" data-testid="timeline-point">
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="版本">{view.case.revision}</Descriptions.Item>
        <Descriptions.Item label="阶段">
          <Tag data-testid="timeline-stage">{stageName(view.case.stage)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="当时可执行的操作" span={2}>
          {view.case.allowedCommands.length ? view.case.allowedCommands.map((c) => <Tag key={c}>{commandTitle(doc, c)}</Tag>) : '无'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        该版本的事件
      </Typography.Title>
      {last && <List bordered size="small" dataSource={[last]} renderItem={(e) => <EventLine e={e} doc={doc} />} />}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        当时的期限
      </Typography.Title>
      <DeadlineTable deadlines={view.case.deadlines} />
    </section>
  );
}

/** What changed from A to B: the stage, the deadlines added or changed, and every event in between. */
function DiffView({ a, b, doc }: { a: TimelineAt; b: TimelineAt; doc: OpenApiDocument }) {
  const before = new Map((a.case?.deadlines ?? []).map((d) => [deadlineKey(d), d]));
  const changes = (b.case?.deadlines ?? []).flatMap((d) => {
    const old = before.get(deadlineKey(d));
    if (!old) return [{ d, text: `新增，${STATUS[d.status].text}` }];
    if (old.status !== d.status || old.dueDate !== d.dueDate)
      return [{ d, text: `${STATUS[old.status].text}（${old.dueDate}）→ ${STATUS[d.status].text}（${d.dueDate}）` }];
    return [];
  });
  const fromRevision = a.case?.revision ?? -1;
  const between = b.events.filter((e) => e.revision > fromRevision);
  const stageA = a.case ? stageName(a.case.stage) : '尚未创建';
  const stageB = b.case ? stageName(b.case.stage) : '尚未创建';
  return (
    <section aria-label="对比结果" data-testid="timeline-diff">
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label="阶段变化">
          <span data-testid="diff-stage">{stageA === stageB ? `${stageA}（未变）` : `${stageA} → ${stageB}`}</span>
        </Descriptions.Item>
        <Descriptions.Item label="期限变化">
          {changes.length === 0 ? (
            '无'
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label="期限变化">
              {changes.map(({ d, text }) => (
                <li key={deadlineKey(d)}>
                  {deadlineKindName(d.kind)}（{d.basis}）：{text}
                </li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        其间的事件（{between.length} 件）
      </Typography.Title>
      <div data-testid="diff-events">
        <List
          bordered
          size="small"
          dataSource={between}
          locale={{ emptyText: '两点之间没有事件' }}
          renderItem={(e) => <EventLine e={e} doc={doc} />}
        />
      </div>
    </section>
  );
}

/** 时间线: the case as it stood at any revision or date, and what changed between two points. */
export default function CaseTimelinePage() {
  const { caseId } = useParams();
  const doc = useOpenApiDocument();
  const [latest, setLatest] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [point, setPoint] = useState<{ revision: number } | { occurredAt: string } | null>(null);
  const [revision, setRevision] = useState(0);
  const [pair, setPair] = useState<{ a: number; b: number } | null>(null);

  useEffect(() => {
    api<CaseView>(`/cases/${caseId}`)
      .then(({ body }) => {
        setLatest(body);
        setRevision(body.revision);
        setPoint({ revision: body.revision });
      })
      .catch((e: unknown) => setError(problemText(e)));
  }, [caseId]);

  const selected = useTimeline(caseId, point);
  const a = useTimeline(caseId, pair && { revision: Math.min(pair.a, pair.b) });
  const b = useTimeline(caseId, pair && { revision: Math.max(pair.a, pair.b) });

  // A date jump lands on the last revision recorded as happened by then: the scrubber follows it.
  const landed = selected?.view?.case?.revision;
  useEffect(() => {
    if (point && 'occurredAt' in point && landed !== undefined) setRevision(landed);
  }, [point, landed]);

  if (error) return <Alert type="error" showIcon title="无法打开时间线" description={error} />;
  if (!latest || !doc) return <Skeleton active />;

  const scrub = (r: number) => {
    setRevision(r);
    setPoint({ revision: r });
  };
  const pickDate = (d: Dayjs | null) => {
    if (d) setPoint({ occurredAt: d.endOf('day').format('YYYY-MM-DDTHH:mm:ssZ') });
  };
  const setA = () => setPair((p) => ({ a: revision, b: p?.b ?? latest.revision }));
  const setB = () => setPair((p) => ({ a: p?.a ?? 0, b: revision }));

  return (
    <>
      <Space align="center" wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          时间线 · {latest.caseNo ?? '待立案'}
        </Typography.Title>
        <Link to={`/cases/${caseId}`}>返回案件详情</Link>
      </Space>

      <Card size="small" style={{ marginTop: 16 }} title="回放">
        <Row gutter={24} align="middle">
          <Col flex="auto">
            <Slider
              min={0}
              max={latest.revision}
              value={revision}
              onChange={scrub}
              ariaLabelForHandle="选择版本"
              ariaValueTextFormatterForHandle={(v) => `第 ${v} 版`}
              tooltip={{ formatter: (v) => `第 ${v} 版` }}
              marks={{ 0: '0', [latest.revision]: String(latest.revision) }}
            />
          </Col>
          <Col>
            <Space wrap>
              <DatePicker
                aria-label="截至某日"
                placeholder="截至某日"
                onChange={pickDate}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
              <Button onClick={setA}>设为对比起点 A</Button>
              <Button onClick={setB}>设为对比终点 B</Button>
            </Space>
          </Col>
        </Row>
        <Typography.Text type="secondary" data-testid="timeline-selection">
          当前：第 {revision} 版{pair ? `；对比 A：第 ${Math.min(pair.a, pair.b)} 版，B：第 ${Math.max(pair.a, pair.b)} 版` : ''}
        </Typography.Text>
      </Card>

      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            案件当时的状态
          </Typography.Title>
          {selected?.error && <Alert type="error" showIcon title="无法回放" description={selected.error} />}
          {selected?.view ? <PointView view={selected.view} doc={doc} /> : !selected?.error && <Skeleton active />}
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            对比
          </Typography.Title>
          {!pair && (
            <Typography.Paragraph type="secondary">
              拖动版本滑块，分别「设为对比起点 A」和「设为对比终点 B」，即可查看两点之间的变化。
            </Typography.Paragraph>
          )}
          {(a?.error ?? b?.error) && <Alert type="error" showIcon title="无法对比" description={a?.error ?? b?.error} />}
          {pair && a?.view && b?.view && <DiffView a={a.view} b={b.view} doc={doc} />}
        </Col>
      </Row>
    </>
  );
}
