import { EnforcementCertificate, PeopleLookup, PersonRecord } from '@workflows/enforcement-case';
import { Agency, DirectoryEvent, User, UserRegistration } from './directory.types';

/** Thrown when a stored event arrives after a gap: the fold would silently miss a registry change. */
export class DirectoryRevisionGapError extends Error {
  constructor(
    readonly expected: number,
    readonly got: number,
  ) {
    super(`directory stream: expected revision ${expected}, got ${got} (an event is missing)`);
    this.name = 'DirectoryRevisionGapError';
  }
}

const registered = (data: UserRegistration): User => ({ ...data, active: true, trainingHoursByYear: { ...data.trainingHoursByYear } });

/**
 * A new certificate with a status from a date: periods that began before the date stay (as history), those from the
 * date on are superseded — the later decision governs from its effective date.
 */
function withStatus(
  cert: EnforcementCertificate,
  status: EnforcementCertificate['status'],
  from: string,
  reason: string,
): EnforcementCertificate {
  // A status without a date (written before statusFrom existed) applied throughout: from the certificate's first day.
  const current =
    cert.statusFrom !== undefined
      ? [{ status: cert.status, from: cert.statusFrom }]
      : cert.status !== 'valid'
        ? [{ status: cert.status, from: cert.validFrom }]
        : [];
  const periods = [...(cert.statusHistory ?? []), ...current];
  const history = periods.filter((p) => p.from < from);
  const { statusHistory: _h, statusFrom: _f, statusReason: _r, ...rest } = cert;
  return { ...rest, status, statusFrom: from, statusReason: reason, ...(history.length ? { statusHistory: history } : {}) };
}

/**
 * Agencies and users folded from the `directory` stream; read synchronously on the command path. The fold is pure
 * and total: an event naming an unknown agency or user changes nothing (the registry service refuses such a command
 * before it is ever stored). Each change replaces the object, so a record handed out earlier never changes under
 * its reader.
 */
export class Directory implements PeopleLookup {
  private readonly agencies = new Map<string, Agency>();
  private readonly users = new Map<string, User>();
  private appliedRevision = -1;

  /** The stream revision of the last event applied (-1 before any). */
  get revision(): number {
    return this.appliedRevision;
  }

  /** Applies the next event of a list (the seed, a test fixture): counts as the next revision. */
  apply(event: DirectoryEvent): void {
    this.fold(event);
    this.appliedRevision++;
  }

  /**
   * Applies a stored event at its stream revision, once: an event at or below the applied revision is skipped (so
   * the writer applying its own append and a follower of the store's subscription cannot apply it twice), and one
   * past the next revision is a gap. Returns whether it was applied.
   */
  applyStored(revision: number, event: DirectoryEvent): boolean {
    if (revision <= this.appliedRevision) return false;
    if (revision !== this.appliedRevision + 1) throw new DirectoryRevisionGapError(this.appliedRevision + 1, revision);
    this.fold(event);
    this.appliedRevision = revision;
    return true;
  }

  private fold(event: DirectoryEvent): void {
    switch (event.type) {
      case 'AgencyRegistered':
        this.agencies.set(event.data.id, event.data);
        return;
      case 'AgencyUpdated': {
        const { id, entrustedBy, ...changes } = event.data;
        const a = this.agencies.get(id);
        if (!a) return;
        const next: Agency = { ...a, ...changes };
        if (entrustedBy === null) delete next.entrustedBy;
        else if (entrustedBy !== undefined) next.entrustedBy = entrustedBy;
        this.agencies.set(id, next);
        return;
      }
      case 'UserRegistered':
        this.users.set(event.data.id, registered(event.data));
        return;
      case 'UserUpdated': {
        const { id, legalQualification, ...changes } = event.data;
        this.updateUser(id, (u) => {
          const next: User = { ...u, ...changes };
          if (legalQualification === null) delete next.legalQualification;
          else if (legalQualification !== undefined) next.legalQualification = legalQualification;
          return next;
        });
        return;
      }
      case 'UserDeactivated':
        this.updateUser(event.data.userId, (u) => ({ ...u, active: false, inactiveFrom: event.data.effectiveFrom }));
        return;
      case 'UserReactivated':
        this.updateUser(event.data.userId, ({ inactiveFrom: _, ...u }) => ({ ...u, active: true }));
        return;
      case 'CertificateIssued': {
        const { userId, ...cert } = event.data;
        this.updateUser(userId, (u) => ({
          ...u,
          certificate: { ...cert, status: 'valid' },
          ...(u.certificate ? { certificateHistory: [...(u.certificateHistory ?? []), u.certificate] } : {}),
        }));
        return;
      }
      case 'CertificateStatusChanged': {
        const { userId, number, status, effectiveFrom, reason } = event.data;
        this.updateUser(userId, (u) => {
          if (u.certificate?.number === number) return { ...u, certificate: withStatus(u.certificate, status, effectiveFrom, reason) };
          // An earlier certificate of the same holder (the latest one with that number).
          const history = [...(u.certificateHistory ?? [])];
          const i = history.map((c) => c.number).lastIndexOf(number);
          if (i < 0) return u;
          history[i] = withStatus(history[i], status, effectiveFrom, reason);
          return { ...u, certificateHistory: history };
        });
        return;
      }
      case 'TrainingRecorded': {
        const { userId, ...record } = event.data;
        this.updateUser(userId, (u) => ({
          ...u,
          trainingHoursByYear: { ...u.trainingHoursByYear, [record.year]: (u.trainingHoursByYear[record.year] ?? 0) + record.hours },
          training: [...(u.training ?? []), record],
        }));
        return;
      }
      default: {
        const never: never = event;
        throw new Error(`Unknown directory event ${JSON.stringify(never)}`);
      }
    }
  }

  private updateUser(id: string, change: (u: User) => User): void {
    const u = this.users.get(id);
    if (u) this.users.set(id, change(u));
  }

  agency(id: string): Agency | undefined {
    return this.agencies.get(id);
  }

  /** Active or not: an inactive user is still known (its history, its cases), with active: false. */
  user(id: string): User | undefined {
    return this.users.get(id);
  }

  person(id: string): PersonRecord | undefined {
    return this.users.get(id);
  }

  listAgencies(): Agency[] {
    return [...this.agencies.values()];
  }

  listUsers(): User[] {
    return [...this.users.values()];
  }

  /** The agency itself and every agency above it, nearest first. */
  lineage(agencyId: string): string[] {
    const out: string[] = [];
    for (let a = this.agencies.get(agencyId); a && !out.includes(a.id); a = a.parentId ? this.agencies.get(a.parentId) : undefined)
      out.push(a.id);
    return out;
  }

  /** True when `ancestorId` is `agencyId` or above it. */
  isWithin(agencyId: string, ancestorId: string): boolean {
    return this.lineage(agencyId).includes(ancestorId);
  }
}
