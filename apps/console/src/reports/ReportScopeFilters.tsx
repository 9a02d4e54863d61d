import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Form, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { currentSession } from '../auth/session';
import type { ReportAgency } from '../api/types';

/** A report's scope, as the URL holds it (a report can be sent as a link). */
export interface ReportScopeQuery {
  agencyId: string;
  includeSubordinates: boolean;
  year: number;
  quarter?: number;
}

const THIS_YEAR = dayjs().year();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

/**
 * The scope in the URL, with defaults: the reader's own agency, with its subordinates when the reader may read any
 * (supervision compares the agencies of its tree), this year; null until the reader's agencies are known.
 */
export function useReportScope(agencies: ReportAgency[] | null): [ReportScopeQuery | null, (patch: Partial<ReportScopeQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const own = currentSession()!.user.agencyId;
  const scope = useMemo(() => {
    if (!agencies) return null;
    const agencyId = params.get('agencyId') ?? own;
    const below = agencies.some((a) => a.parentId === agencyId);
    const sub = params.get('includeSubordinates');
    return {
      agencyId,
      includeSubordinates: sub === null ? below : sub === 'true',
      year: Number(params.get('year')) || THIS_YEAR,
      quarter: Number(params.get('quarter')) || undefined,
    };
  }, [params, agencies, own]);
  const update = (patch: Partial<ReportScopeQuery>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };
  return [scope, update];
}

/** Agency (with or without its subordinates), year and, where the report has one, quarter or the whole year. */
export function ReportScopeFilters({
  scope,
  agencies,
  update,
  quarters = true,
}: {
  scope: ReportScopeQuery;
  agencies: ReportAgency[];
  update: (patch: Partial<ReportScopeQuery>) => void;
  quarters?: boolean;
}) {
  const hasBelow = agencies.some((a) => a.parentId === scope.agencyId);
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} aria-label="统计范围">
      <Form.Item label="机构" htmlFor="report-agency">
        <Select
          id="report-agency"
          style={{ width: 280 }}
          value={scope.agencyId}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(agencyId: string) =>
            update({ agencyId, includeSubordinates: agencies.some((a) => a.parentId === agencyId) ? scope.includeSubordinates : false })
          }
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Form.Item label="含下级机构" htmlFor="report-subordinates">
        <Switch
          id="report-subordinates"
          checked={scope.includeSubordinates}
          disabled={!hasBelow}
          onChange={(includeSubordinates) => update({ includeSubordinates })}
        />
      </Form.Item>
      <Form.Item label="年度" htmlFor="report-year">
        <Select
          id="report-year"
          style={{ width: 120 }}
          value={scope.year}
          onChange={(year: number) => update({ year })}
          options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))}
        />
      </Form.Item>
      {quarters && (
        <Form.Item label="期间" htmlFor="report-quarter">
          <Select
            id="report-quarter"
            style={{ width: 140 }}
            value={scope.quarter ?? 0}
            onChange={(quarter: number) => update({ quarter: quarter || undefined })}
            options={[{ value: 0, label: '全年' }, ...QUARTERS.map((label, i) => ({ value: i + 1, label }))]}
          />
        </Form.Item>
      )}
    </Form>
  );
}
