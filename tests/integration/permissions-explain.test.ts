// Record-level rules stay index lookups: on a 5,000-row table, the list page and total of a rep
// with a `team` scope, of a manager with a `hierarchy` scope and of a support agent who reads
// accounts through a sharing rule (tier = gold) are planned (EXPLAIN on MariaDB, EXPLAIN QUERY PLAN
// on SQLite) without a full scan of the entity table — the owner index, the identity tables'
// indexes (user.team, user.role, role.name) and the index the table plan adds for a field a
// sharing rule compares carry the rule.
import { SYSTEM_ACTOR, type Actor } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { BoardService } from '@stagecraft/runtime';
import { loadExampleBundle, startTestRuntime, type TestRuntime } from './runtime-harness';

const ROWS = 5_000;
const TEAMS = 20;
const USERS_PER_TEAM = 5;

interface Statement {
  sql: string;
  bind: readonly unknown[];
}

describe.each(testDialects())('record-level rules use indexes on %s', (dialect) => {
  let runtime: TestRuntime;
  let rep: Actor;
  let manager: Actor;
  let agent: Actor;

  beforeAll(async () => {
    // A board of accounts by tier, to count columns under an "own or shared" rule.
    const bundle = await loadExampleBundle();
    bundle.layouts.accountTiers = { kind: 'board', name: 'accountTiers', entity: 'account', groupBy: 'tier', cardFields: ['name'], columnOrder: ['standard', 'gold'] };
    runtime = await startTestRuntime(dialect, { bundle });
    // The manager's reps are one team among many teams of another branch of the hierarchy.
    await runtime.ensureRole('salesManager', 'admin');
    await runtime.ensureRole('salesRep', 'salesManager');
    await runtime.ensureRole('regionRep', 'admin');
    const owners: string[] = [];
    let repUser: { id: string; team: string } | undefined;
    for (let team = 0; team < TEAMS; team += 1) {
      const teamId = String((await runtime.records.create('team', { name: `Team ${team}` }, SYSTEM_ACTOR)).id);
      for (let member = 0; member < USERS_PER_TEAM; member += 1) {
        const user = await runtime.createUser({ username: `u${team}-${member}`, role: team === 0 ? 'salesRep' : 'regionRep', team: `Team ${team}` });
        owners.push(user.id);
        if (team === 0 && member === 0) repUser = { id: user.id, team: teamId };
      }
    }
    const managerUser = await runtime.createUser({ username: 'boss', role: 'salesManager', team: 'Team 1' });
    if (!repUser) throw new Error('no rep');
    const base = { kind: 'user' as const, partnerAccountId: null, isAdmin: false, locale: 'en' };
    rep = { ...base, userId: repUser.id, username: 'u0-0', roles: ['salesRep'], subordinateRoles: [], teamIds: [repUser.team] };
    manager = { ...base, userId: managerUser.id, username: 'boss', roles: ['salesManager'], subordinateRoles: ['salesRep'], teamIds: [] };
    const agentUser = await runtime.createUser({ username: 'agent', role: 'supportAgent', team: 'Team 2' });
    agent = { ...base, userId: agentUser.id, username: 'agent', roles: ['supportAgent'], subordinateRoles: [], teamIds: [] };

    const database = runtime.system.database;
    const account = runtime.live.get().entities.get('account');
    if (!account) throw new Error('no account entity');
    const column = (name: string): string => account.fields.get(name)?.sql ?? name;
    const columns = ['id', 'version', 'createdAt', 'updatedAt', 'name', 'owner', 'tier'].map(column).join(', ');
    for (let start = 0; start < ROWS; start += 500) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let index = start; index < start + 500; index += 1) {
        const hex = index.toString(16).padStart(12, '0');
        // One account in 50 is gold (what the support agents' sharing rule opens to them).
        values.push(`0190a4d2-7a7e-7000-8000-${hex}`, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', `Account ${index}`, owners[index % owners.length], index % 50 === 0 ? 'gold' : 'standard');
        rows.push(`(${[1, 2, 3, 4, 5, 6, 7].map((offset) => `$${values.length - 7 + offset}`).join(', ')})`);
      }
      await database.insert(`INSERT INTO ${account.tableSql} (${columns}) VALUES ${rows.join(', ')}`, values);
    }
    if (dialect === 'mysql') {
      for (const table of ['account', 'user', 'role', 'team']) await database.select(`ANALYZE TABLE ${database.quote(table)}`, []);
    } else {
      await database.execute('ANALYZE');
    }
  }, 120_000);
  afterAll(async () => runtime?.close());

  /** The SELECTs a list of accounts runs for the actor (page and total). */
  const listStatements = async (actor: Actor, sort: Array<{ field: string; direction: 'asc' | 'desc' }> = []): Promise<{ statements: Statement[]; total: number | undefined }> => {
    const database = runtime.system.database;
    const statements: Statement[] = [];
    const select = database.select.bind(database);
    const spy = jest.spyOn(database, 'select').mockImplementation(async (sql, bind, transaction) => {
      if (/\bFROM\s+\S*account/i.test(sql)) statements.push({ sql, bind });
      return select(sql, bind, transaction);
    });
    try {
      const page = await runtime.records.list('account', { filters: [], sort, page: 1, pageSize: 50, expand: [], withTotal: true }, actor);
      return { statements, total: page.total };
    } finally {
      spy.mockRestore();
    }
  };

  /** Full scans of the account table in the statement's plan ([] when it is index-driven). */
  const fullScans = async (statement: Statement, indexedBy = 'owner'): Promise<string[]> => {
    const database = runtime.system.database;
    if (dialect === 'mysql') {
      const plan = await database.select(`EXPLAIN ${statement.sql}`, statement.bind);
      // ALL is a table scan, `index` a scan of a whole index; the rule's lookups are `ref`/`range` on the owner index.
      return plan.filter((row) => row.table === 'account' && (row.type === 'ALL' || row.type === 'index' || !String(row.key).includes(indexedBy))).map((row) => JSON.stringify(row));
    }
    const plan = await database.select(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bind);
    return plan.map((row) => String(row.detail)).filter((detail) => /^SCAN (TABLE )?"?account"?(?! USING)/.test(detail) && !/USING (COVERING )?INDEX/.test(detail));
  };

  it.each<[string, () => Actor]>([
    ['a rep with a team scope', () => rep],
    ['a manager with a hierarchy scope', () => manager],
  ])('plans the list page and total of %s without scanning the entity table', async (_who, actorOf) => {
    for (const sort of [[], [{ field: 'name', direction: 'asc' as const }]]) {
      const { statements, total } = await listStatements(actorOf(), sort);
      // Either way the scope is the five users of team 0 (the reps), each owning ROWS / 100 accounts; the manager owns none.
      expect(total).toBe((ROWS / (TEAMS * USERS_PER_TEAM)) * USERS_PER_TEAM);
      expect(statements).toHaveLength(2);
      for (const statement of statements) {
        expect([statement.sql, await fullScans(statement)]).toEqual([statement.sql, []]);
      }
    }
  });

  it('plans the list page and total of a support agent reading through a sharing rule without scanning the entity table', async () => {
    const { statements, total } = await listStatements(agent);
    expect(total).toBe(ROWS / 50);
    expect(statements).toHaveLength(2);
    for (const statement of statements) expect([statement.sql, await fullScans(statement, 'tier')]).toEqual([statement.sql, []]);
  });

  it('counts for someone with a team scope or a sharing rule with one indexed SELECT per alternative', async () => {
    const both: Actor = { ...rep, roles: ['salesRep', 'supportAgent'] };
    const { statements, total } = await listStatements(both);
    // Team 0's five reps own 50 accounts each (250); of the 100 gold ones, 50 are owned by others.
    expect(total).toBe(250 + 50);
    const [, count] = statements;
    expect(count?.sql).toMatch(/UNION/);
    const database = runtime.system.database;
    if (dialect === 'mysql') {
      const plan = await database.select(`EXPLAIN ${count?.sql ?? ''}`, count?.bind ?? []);
      const scans = plan.filter((row) => row.table === 'account' && (row.type === 'ALL' || row.type === 'index'));
      expect([count?.sql, scans]).toEqual([count?.sql, []]);
    } else {
      const plan = await database.select(`EXPLAIN QUERY PLAN ${count?.sql ?? ''}`, count?.bind ?? []);
      const scans = plan.map((row) => String(row.detail)).filter((detail) => /^SCAN (TABLE )?"?account"?(?! USING)/.test(detail) && !/USING (COVERING )?INDEX/.test(detail));
      expect([count?.sql, scans]).toEqual([count?.sql, []]);
    }
    // The same list without the alternatives' UNION (a filter narrows both) still counts right.
    const page = await runtime.records.list('account', { filters: [{ field: 'tier', op: 'eq', value: 'gold' }], sort: [], page: 1, pageSize: 50, expand: [], withTotal: true }, both);
    expect(page.total).toBe(100);
  });

  it('counts board columns for someone with a team scope or a sharing rule through the same alternatives', async () => {
    const both: Actor = { ...rep, roles: ['salesRep', 'supportAgent'] };
    const database = runtime.system.database;
    const statements: Statement[] = [];
    const select = database.select.bind(database);
    const spy = jest.spyOn(database, 'select').mockImplementation(async (sql, bind, transaction) => {
      if (/GROUP BY/i.test(sql)) statements.push({ sql, bind });
      return select(sql, bind, transaction);
    });
    try {
      const boards = new BoardService({ database: runtime.system.database, metadata: () => runtime.live.get() });
      const board = await boards.board('accountTiers', { filters: [], sort: [], page: 1, pageSize: 20, expand: [], withTotal: true }, both);
      // Team 0 owns 250 accounts, 50 of them gold (index % 100 === 0); 50 more gold ones are shared.
      expect(board.columns.map((column) => [column.value, column.count])).toEqual([['standard', 200], ['gold', 100]]);
    } finally {
      spy.mockRestore();
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]?.sql).toMatch(/UNION/);
  });

  it('the check can see a full scan (an unindexed filter without a rule)', async () => {
    const database = runtime.system.database;
    const account = runtime.live.get().entities.get('account');
    const phone = account?.fields.get('phone')?.sql ?? 'phone';
    expect(await fullScans({ sql: `SELECT * FROM ${account?.tableSql ?? 'account'} WHERE ${phone} = $1`, bind: ['x'] })).not.toEqual([]);
    expect(database.dialect).toBe(dialect);
  });
});
