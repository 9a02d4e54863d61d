import { useEffect, useRef, useState } from 'react';
import { Alert, Skeleton } from 'antd';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';

interface Props {
  option: EChartsCoreOption;
  /** What the chart shows, for readers who cannot see it (the chart is an image; the tables beside it hold the data). */
  label: string;
  height?: number;
  onClick?: (e: ECElementEvent) => void;
  testId?: string;
}

/**
 * One ECharts chart. ECharts is loaded on first use (a dynamic import), so pages without charts never fetch it.
 * Tooltips are drawn on the canvas (renderMode richText): HTML tooltips would carry inline styles the CSP refuses.
 */
export function EChart({ option, label, height = 320, onClick, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // 'loading', 'ready', or why ECharts could not be loaded.
  const [state, setState] = useState<string>('loading');

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts-setup')
      .then(({ init }) => {
        if (disposed || !ref.current) return;
        chart.current = init(ref.current, undefined, { renderer: 'canvas' });
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(ref.current);
        setState('ready');
      })
      .catch((e: unknown) => setState(String(e)));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (state !== 'ready' || !chart.current) return;
    chart.current.setOption(
      {
        ...option,
        aria: { enabled: true, label: { description: label } },
        tooltip: { ...(option.tooltip as object | undefined), renderMode: 'richText' },
      },
      { notMerge: true },
    );
  }, [state, option, label]);

  useEffect(() => {
    const c = chart.current;
    if (state !== 'ready' || !c || !onClick) return;
    c.on('click', onClick);
    return () => void c.off('click', onClick);
  }, [state, onClick]);

  if (state !== 'loading' && state !== 'ready') return <Alert type="error" showIcon title="图表加载失败" description={state} />;
  return (
    <div style={{ position: 'relative', height }}>
      {state === 'loading' && <Skeleton active style={{ position: 'absolute' }} />}
      <div ref={ref} role="img" aria-label={label} data-testid={testId} data-chart={state} style={{ height }} />
    </div>
  );
}
