import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Skeleton } from 'antd';
import { apiFile, problemText } from '../api/client';
import { pageNonce, printViewSrcdoc } from './print-view';

interface Props {
  caseId: string;
  /** The document shown, or null when the preview is closed. */
  document: { kind: string; title: string } | null;
  onClose: () => void;
}

/**
 * 预览: the document's HTML print view (GET …/documents/{kind}?format=html, fetched with the session's token) in a
 * sandboxed frame — no scripts run in it; same origin only so that 打印 can print the frame itself.
 */
export function DocumentPreview({ caseId, document, onClose }: Props) {
  const [srcdoc, setSrcdoc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const kind = document?.kind;

  useEffect(() => {
    if (!kind) return;
    let live = true;
    setSrcdoc(null);
    setError(null);
    apiFile(`/cases/${caseId}/documents/${kind}`, { query: { format: 'html' } })
      .then(({ blob }) => blob.text())
      .then((html) => live && setSrcdoc(printViewSrcdoc(html, pageNonce())))
      .catch((e: unknown) => live && setError(problemText(e)));
    return () => {
      live = false;
    };
  }, [caseId, kind]);

  return (
    <Modal
      title={document ? `预览：${document.title}` : ''}
      open={document !== null}
      onCancel={onClose}
      width={900}
      destroyOnHidden
      footer={[
        <Button key="print" disabled={!srcdoc} onClick={() => frame.current?.contentWindow?.print()}>
          打印
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title="无法预览文书" description={error} />
      ) : srcdoc === null ? (
        <Skeleton active />
      ) : (
        <iframe
          ref={frame}
          title={`${document?.title ?? ''}打印预览`}
          data-testid="document-preview"
          sandbox="allow-same-origin allow-modals"
          srcDoc={srcdoc}
          style={{ width: '100%', height: '70vh', border: '1px solid #d9d9d9', background: '#fff' }}
        />
      )}
    </Modal>
  );
}
