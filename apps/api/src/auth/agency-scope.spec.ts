import { Actor } from '@app/case-engine';
import { CITY_AGENCY_ID, Directory, ENTRUSTED_TOWNSHIP_ID, demoDirectoryEvents } from '@app/directory';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException } from '../problem/problem';
import { AccessPolicy } from './access-policy';
import { AgencyScope } from './agency-scope';

describe('AgencyScope: this agency and those below it, that this actor may read', () => {
  const directory = new Directory();
  for (const e of demoDirectoryEvents()) directory.apply(e);
  // The registry alone is read here: a stand-in for the service that keeps it.
  const directories = { directory } as DirectoryService;
  const scope = new AgencyScope(directories, new AccessPolicy(directories, () => new Date('2026-09-01T00:00:00Z')));
  const actor = (roles: Actor['roles'], agencyId: string): Actor => ({ id: 'u', name: 'u', roles, agencyId });
  const BEIHU = 'ag-431002';
  const SUXIAN = 'ag-431003';
  const refused = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return e instanceof ProblemException ? e.body.status : e;
    }
    return 'allowed';
  };

  it("is the reader's own agency unless another is asked for", () => {
    expect(scope.resolve(actor(['officer'], BEIHU), 'cases.search', {})).toEqual({ root: BEIHU, agencies: [BEIHU] });
    expect(scope.resolve(actor(['supervisor'], CITY_AGENCY_ID), 'cases.search', { agencyId: SUXIAN })).toEqual({
      root: SUXIAN,
      agencies: [SUXIAN],
    });
  });

  it('lists the agencies below the root when asked, the root included', () => {
    const { agencies } = scope.resolve(actor(['supervisor'], BEIHU), 'reports.read', { includeSubordinates: true });
    expect(agencies.sort()).toEqual([BEIHU, ENTRUSTED_TOWNSHIP_ID].sort());
    const city = scope.resolve(actor(['supervisor'], CITY_AGENCY_ID), 'audit.read', { includeSubordinates: true }).agencies;
    expect(city).toEqual(expect.arrayContaining([CITY_AGENCY_ID, BEIHU, SUXIAN, ENTRUSTED_TOWNSHIP_ID]));
    expect(city).toHaveLength(directory.listAgencies().length);
  });

  it('refuses (403) a scope with an agency the actor may not read for the action', () => {
    // An officer reads its own agency's cases only: not the entrusted squad below it.
    expect(refused(() => scope.resolve(actor(['officer'], BEIHU), 'cases.search', { includeSubordinates: true }))).toBe(403);
    // Supervision reads downwards, never sideways or upwards.
    expect(refused(() => scope.resolve(actor(['supervisor'], BEIHU), 'interference.read', { agencyId: SUXIAN }))).toBe(403);
    expect(
      refused(() => scope.resolve(actor(['supervisor'], BEIHU), 'audit.read', { agencyId: CITY_AGENCY_ID, includeSubordinates: true })),
    ).toBe(403);
    // An unknown root is no one's: it is refused, not read as an empty scope.
    expect(
      refused(() =>
        scope.resolve(actor(['supervisor'], CITY_AGENCY_ID), 'reports.read', { agencyId: 'ag-nowhere', includeSubordinates: true }),
      ),
    ).toBe(403);
  });

  it('lists every agency the actor may reach for an action', () => {
    expect(scope.reachable(actor(['admin'], BEIHU), 'registry.write').sort()).toEqual([BEIHU, ENTRUSTED_TOWNSHIP_ID].sort());
    expect(scope.reachable(actor(['officer'], BEIHU), 'registry.write')).toEqual([]);
  });
});
