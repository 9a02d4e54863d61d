import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Result, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, problemText } from '../api/client';
import {
  type Anchor,
  EVIDENCE_FILE_PROBLEM_ZH,
  type EvidenceFileProblem,
  PROBLEM_ZH,
  type VerifyReport,
  download,
  verifyChains,
} from '../audit/integrity';
import { mayUse } from '../auth/permissions';
import { currentSession } from '../auth/session';
import { LoadError } from '../forms/FilterActions';
import { PageTitle } from '../layout/PageTitle';

const message = problemText;

function Verification({ report }: { report: VerifyReport }) {
  const files = report.evidenceFiles;
  const scope = `已校验 ${report.checkedEvents} 条事件（链头第 ${report.headPosition} 条），锚点 ${report.anchors} 个${files ? `，证据文件 ${files.checked} 个` : ''}`;
  if (report.ok) return <Result status="success" title="哈希链完整" subTitle={`${scope}，未发现删除、改动、插入或调换。`} />;
  const p = report.problem;
  const chains = p ? (
    <Result
      status="error"
      title={`发现篡改：第 ${p.position} 条`}
      subTitle={scope}
      extra={
        <Descriptions bordered column={1} size="small" data-testid="integrity-problem">
          <Descriptions.Item label="首个异常位置">{p.position}</Descriptions.Item>
          <Descriptions.Item label="问题">{PROBLEM_ZH[p.kind]}</Descriptions.Item>
          <Descriptions.Item label="详情">{p.detail}</Descriptions.Item>
        </Descriptions>
      }
    />
  ) : (
    <Result status="warning" title="哈希链完整，但证据文件有问题" subTitle={scope} />
  );
  return (
    <>
      {chains}
      {files?.problems.length ? <EvidenceFileProblems problems={files.problems} /> : null}
    </>
  );
}

/** Each stored evidence file verify found missing or altered: the case, the evidence item and the file's hash. */
function EvidenceFileProblems({ problems }: { problems: EvidenceFileProblem[] }) {
  return (
    <Table<EvidenceFileProblem>
      data-testid="evidence-file-problems"
      size="small"
      pagination={false}
      rowKey={(r) => `${r.caseId}/${r.evidenceId}/${r.sha256}`}
      dataSource={problems}
      columns={[
        { title: '案件', dataIndex: 'caseId' },
        { title: '证据编号', dataIndex: 'evidenceId' },
        { title: '文件 SHA-256', dataIndex: 'sha256', render: (h: string) => <Typography.Text code>{h}</Typography.Text> },
        { title: '问题', dataIndex: 'problem', render: (k: EvidenceFileProblem['problem']) => EVIDENCE_FILE_PROBLEM_ZH[k] },
      ]}
    />
  );
}

/** 完整性校验: GET /integrity/verify in Chinese, the anchor log, and a new anchor for supervisors and administrators. */
export default function IntegrityPage() {
  const user = currentSession()!.user;
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [anchors, setAnchors] = useState<Anchor[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [anchoring, setAnchoring] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();

  const verify = useCallback(() => {
    setVerifying(true);
    setError(null);
    verifyChains()
      .then(setReport)
      .catch((e: unknown) => setError(message(e)))
      .finally(() => setVerifying(false));
  }, []);
  const loadAnchors = useCallback(() => {
    api<Anchor[]>('/integrity/anchors')
      .then((r) => setAnchors(r.body))
      .catch((e: unknown) => setError(message(e)));
  }, []);
  useEffect(() => {
    verify();
    loadAnchors();
  }, [verify, loadAnchors]);

  const anchor = ({ reason }: { reason?: string }) => {
    setAnchoring(true);
    setError(null);
    api<Anchor>('/integrity/anchors', { method: 'POST', body: reason ? { reason } : {} })
      .then(() => {
        form.resetFields();
        loadAnchors();
      })
      .catch((e: unknown) => setError(message(e)))
      .finally(() => setAnchoring(false));
  };

  return (
    <>
      <PageTitle
        actions={
          <Button type="primary" onClick={verify} loading={verifying}>
            重新校验
          </Button>
        }
      >
        完整性校验
      </PageTitle>
      <LoadError title="操作失败" error={error} />
      <Card title="哈希链校验" style={{ marginBottom: 16 }}>
        <div aria-live="polite" data-testid="verification">
          {report ? <Verification report={report} /> : <Spin description="正在校验全部事件……" />}
        </div>
      </Card>
      <Card
        title="锚点"
        extra={
          <Button onClick={() => void download('/integrity/anchors', {}, 'anchors.json').catch((e: unknown) => setError(message(e)))}>
            导出锚点
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          锚点记录某一时刻全局哈希链的链头。将导出的锚点交由本系统之外保存（如纪检监察机关、公证或档案部门），日后重新计算哈希链并与之比对，即可独立核验日志未被整体改写。
        </Typography.Paragraph>
        {mayUse(user, 'integrity.anchor') && (
          <Form form={form} name="anchor" layout="inline" onFinish={anchor} style={{ marginBottom: 16 }} aria-label="新建锚点">
            <Form.Item name="reason" label="锚定原因" rules={[{ max: 500, message: '不超过 500 字' }]}>
              <Input style={{ width: 360 }} placeholder="如：季度审计前锚定" />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={anchoring}>
                锚定当前链头
              </Button>
            </Form.Item>
          </Form>
        )}
        <Table<Anchor>
          rowKey="seq"
          loading={!anchors}
          dataSource={anchors ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无锚点。督查或管理人员可锚定当前链头。' }}
          columns={[
            { title: '序号', dataIndex: 'seq' },
            { title: '位置', dataIndex: 'position' },
            { title: '全局哈希', dataIndex: 'globalHash', render: (h: string) => <Typography.Text code>{h}</Typography.Text> },
            { title: '锚定时间', dataIndex: 'createdAt', render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm:ss') },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      </Card>
    </>
  );
}
