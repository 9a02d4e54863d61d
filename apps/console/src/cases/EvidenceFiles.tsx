import { useRef, useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import type { EvidenceFileAttachedData } from '@workflows/enforcement-case/event-data/procedure.data';
import { apiFile, problemText } from '../api/client';
import { saveBlob } from '../export/download';

/** 1,234 B / 12.3 KB / 4.5 MB: a size a person reads at a glance. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files uploaded to one evidence item: name, size, type and SHA-256, each downloadable with the session's token. */
export function EvidenceFiles({ caseId, evidenceId, files }: { caseId: string; evidenceId: string; files: EvidenceFileAttachedData[] }) {
  const [error, setError] = useState<string | null>(null);
  if (files.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  const download = async (f: EvidenceFileAttachedData) => {
    setError(null);
    try {
      const file = await apiFile(`/cases/${caseId}/evidence/${evidenceId}/files/${f.sha256}`);
      saveBlob(file.blob, file.fileName ?? f.fileName);
    } catch (e) {
      setError(problemText(e));
    }
  };
  return (
    <ul aria-label="证据文件" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {files.map((f) => (
        <li key={f.sha256} data-evidence-file={f.sha256}>
          <Space size={4} wrap>
            <Button type="link" size="small" style={{ padding: 0 }} aria-label={`下载${f.fileName}`} onClick={() => void download(f)}>
              {f.fileName}
            </Button>
            <span>
              {fileSize(f.sizeBytes)} · {f.contentType}
            </span>
            <code title={f.sha256}>{f.sha256.slice(0, 12)}…</code>
            {f.matchesContentHash && <span>（与内容摘要一致）</span>}
          </Space>
        </li>
      ))}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </ul>
  );
}

/** 上传文件: picks a file and sends it as the body with its type (the API judges the type by the bytes). */
export function EvidenceUpload(props: { caseId: string; evidenceId: string; title: string; onUploaded: () => void }) {
  const { caseId, evidenceId, title, onUploaded } = props;
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await apiFile(`/cases/${caseId}/evidence/${evidenceId}/files`, {
        method: 'POST',
        query: { fileName: file.name },
        upload: file,
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
      void message.success(`已上传 ${file.name}，其 SHA-256 已记入案件记录`);
      onUploaded();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={`选择「${title}」的证据文件`}
        accept="image/jpeg,image/png,application/pdf,video/mp4,audio/mp4,video/quicktime,audio/mpeg,audio/wav"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void upload(file);
        }}
      />
      <Button size="small" loading={busy} aria-label={`为「${title}」上传文件`} onClick={() => input.current?.click()}>
        上传文件
      </Button>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 4 }} />}
    </>
  );
}
