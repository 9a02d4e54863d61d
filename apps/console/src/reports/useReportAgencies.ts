import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ReportAgency } from '../api/types';

/**
 * The agencies the signed-in reader may ask reports of (GET /reports/agencies), as the registry names them; null
 * while loading.
 */
export function useReportAgencies(): ReportAgency[] | null {
  const [agencies, setAgencies] = useState<ReportAgency[] | null>(null);
  useEffect(() => {
    api<ReportAgency[]>('/reports/agencies')
      .then((r) => setAgencies(r.body))
      .catch(() => setAgencies([]));
  }, []);
  return agencies;
}

/** The agency's name, else its id. */
export const agencyName = (agencies: ReportAgency[] | null, id: string) => agencies?.find((a) => a.id === id)?.name ?? id;
