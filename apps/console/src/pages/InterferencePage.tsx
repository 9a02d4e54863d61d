import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Skeleton, Tabs } from 'antd';
import { ApiError, api } from '../api/client';
import { InterferenceRegister } from '../interference/InterferenceRegister';
import { QuarterlyReportPanel } from '../interference/QuarterlyReportPanel';
import { type InterferenceQuery, type QuarterlyReport, quarterOf } from '../interference/interference-types';
import { PageTitle } from '../layout/PageTitle';

// `limit`: the page size the register reads (the API's default when absent).
const REGISTER_KEYS = [
  'agencyId',
  'year',
  'quarter',
  'caseId',
  'intervener',
  'limit',
] as const satisfies readonly (keyof InterferenceQuery)[];

/**
 * 干预记录: the register and the quarterly report with zero reports (docs/supervision.md §2). Who may read them is
 * the API's to say: the page asks once for the current quarter's report, whose agencies are the reader's scope, and
 * shows the API's refusal when there is one.
 */
export default function InterferencePage() {
  const [params, setParams] = useSearchParams();
  const now = useMemo(() => quarterOf(new Date()), []);
  const [scope, setScope] = useState<{ value: string; label: string }[] | null>(null);
  const [refusal, setRefusal] = useState<{ title: string; detail?: string } | null>(null);

  useEffect(() => {
    api<QuarterlyReport>('/interference/quarterly-report', { query: now })
      .then((r) => setScope(r.body.agencies.map((a) => ({ value: a.agencyId, label: a.agencyName ?? a.agencyId }))))
      .catch((e: unknown) =>
        setRefusal(e instanceof ApiError ? { title: e.problem.title, detail: e.problem.detail } : { title: String(e) }),
      );
  }, [now]);

  const tab = params.get('tab') === 'quarterly' ? 'quarterly' : 'register';
  // Filters live in the URL so a filtered register or a report can be sent as a link.
  const register = useMemo((): InterferenceQuery => {
    const q: Record<string, string | number> = {};
    for (const k of REGISTER_KEYS) {
      const v = params.get(k);
      if (v) q[k] = k === 'year' || k === 'quarter' || k === 'limit' ? Number(v) : v;
    }
    return q;
  }, [params]);
  const period = useMemo(
    () => ({
      year: Number(params.get('year')) || now.year,
      quarter: Number(params.get('quarter')) || now.quarter,
      ...(params.get('agencyId') ? { agencyId: params.get('agencyId')! } : {}),
    }),
    [params, now],
  );
  const go = (next: string, q: Record<string, string | number | undefined>) =>
    setParams(
      Object.fromEntries(
        Object.entries({ tab: next, ...q })
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      ),
    );

  return (
    <>
      <PageTitle>干预记录</PageTitle>
      {refusal ? (
        <Alert type="error" showIcon role="alert" title={refusal.title} description={refusal.detail} />
      ) : !scope ? (
        <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(t) => go(t, t === 'quarterly' ? { year: period.year, quarter: period.quarter, agencyId: period.agencyId } : {})}
          items={[
            {
              key: 'register',
              label: '登记簿',
              children: <InterferenceRegister query={register} onQuery={(q) => go('register', q)} agencies={scope} thisYear={now.year} />,
            },
            {
              key: 'quarterly',
              label: '季度报告',
              children: <QuarterlyReportPanel period={period} onPeriod={(p) => go('quarterly', p)} agencies={scope} thisYear={now.year} />,
            },
          ]}
          destroyOnHidden
        />
      )}
    </>
  );
}
