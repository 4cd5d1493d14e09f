// The users, teams and roles the People screens show, loaded together (each screen names the
// others: a user's role and team, a team's manager and members) and reloaded after each change.
import { useCallback, useEffect, useState } from 'react';
import { listPeople, type RoleRecord, type TeamRecord, type UserRecord } from './people-api';

export interface People {
  users: UserRecord[];
  teams: TeamRecord[];
  roles: RoleRecord[];
}

export type PeopleState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; people: People };

export function usePeople(): { state: PeopleState; reload(): Promise<void> } {
  const [state, setState] = useState<PeopleState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      const [users, teams, roles] = await Promise.all([listPeople('user'), listPeople('team'), listPeople('role')]);
      setState({ status: 'ready', people: { users, teams, roles } });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}

/** A role's name as people read it: its label, else its key. */
export function roleTitle(role: RoleRecord | undefined): string {
  return role ? role.label || role.name : '';
}
