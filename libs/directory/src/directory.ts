import { PeopleLookup, PersonRecord } from '@workflows/enforcement-case';
import { Agency, DirectoryEvent, User } from './directory.types';

/** Agencies and users folded from the `directory` stream; read synchronously on the command path. */
export class Directory implements PeopleLookup {
  private readonly agencies = new Map<string, Agency>();
  private readonly users = new Map<string, User>();

  apply(event: DirectoryEvent): void {
    switch (event.type) {
      case 'AgencyRegistered':
        this.agencies.set(event.data.id, event.data);
        return;
      case 'UserRegistered':
        this.users.set(event.data.id, event.data);
        return;
      default: {
        const never: never = event;
        throw new Error(`Unknown directory event ${JSON.stringify(never)}`);
      }
    }
  }

  agency(id: string): Agency | undefined {
    return this.agencies.get(id);
  }

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
    for (let a = this.agencies.get(agencyId); a && !out.includes(a.id); a = a.parentId ? this.agencies.get(a.parentId) : undefined) out.push(a.id);
    return out;
  }

  /** True when `ancestorId` is `agencyId` or above it. */
  isWithin(agencyId: string, ancestorId: string): boolean {
    return this.lineage(agencyId).includes(ancestorId);
  }
}
