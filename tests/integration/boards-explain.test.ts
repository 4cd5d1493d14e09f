// Board counts stay index lookups: on 5,000 opportunities, the one grouped query behind a board's
// columns (counts and sums per stage) for a rep (own records) and for a manager (their reps', a
// hierarchy scope) is planned — EXPLAIN on MariaDB, EXPLAIN QUERY PLAN on SQLite — through the
// owner index, never a scan of the opportunity table; and it answers the exact figures.
import { BoardService, SYSTEM_ACTOR, type Actor } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

const ROWS = 5_000;
const TEAMS = 20;
const USERS_PER_TEAM = 5;
const STAGES = ['prospecting', 'qualification', 'proposal', 'closedWon', 'closedLost'];

interface Statement {
  sql: string;
  bind: readonly unknown[];
}

describe.each(testDialects())('board counts use indexes on %s', (dialect) => {
  let runtime: TestRuntime;
  let boards: BoardService;
  let rep: Actor;
  let manager: Actor;

  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
    boards = new BoardService({ database: runtime.system.database, metadata: () => runtime.live.get() });
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

    const database = runtime.system.database;
    const opportunity = runtime.live.get().entities.get('opportunity');
    if (!opportunity) throw new Error('no opportunity entity');
    const column = (name: string): string => opportunity.fields.get(name)?.sql ?? name;
    const names = ['id', 'version', 'createdAt', 'updatedAt', 'name', 'stage', 'owner', 'amount'];
    const columns = names.map(column).join(', ');
    for (let start = 0; start < ROWS; start += 500) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let index = start; index < start + 500; index += 1) {
        const hex = index.toString(16).padStart(12, '0');
        // Stages change every 100 rows, owners every row: each owner has every stage.
        values.push(`0190a4d2-7a7e-7000-8000-${hex}`, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00', `Deal ${index}`, STAGES[Math.floor(index / 100) % STAGES.length], owners[index % owners.length], 10.25);
        rows.push(`(${names.map((_name, offset) => `$${values.length - names.length + offset + 1}`).join(', ')})`);
      }
      await database.insert(`INSERT INTO ${opportunity.tableSql} (${columns}) VALUES ${rows.join(', ')}`, values);
    }
    if (dialect === 'mysql') {
      for (const table of ['opportunity', 'user', 'role', 'team']) await database.select(`ANALYZE TABLE ${database.quote(table)}`, []);
    } else {
      await database.execute('ANALYZE');
    }
  }, 120_000);
  afterAll(async () => runtime?.close());

  /** The board's columns for the actor, and the SELECTs on the opportunity table it ran. */
  const boardStatements = async (actor: Actor) => {
    const database = runtime.system.database;
    const statements: Statement[] = [];
    const select = database.select.bind(database);
    const spy = jest.spyOn(database, 'select').mockImplementation(async (sql, bind, transaction) => {
      if (/\bFROM\s+\S*opportunity/i.test(sql)) statements.push({ sql, bind });
      return select(sql, bind, transaction);
    });
    try {
      const board = await boards.board('opportunityBoard', { filters: [], sort: [], page: 1, pageSize: 50, expand: [], withTotal: true }, actor);
      return { statements, board };
    } finally {
      spy.mockRestore();
    }
  };

  /** Scans of the opportunity table in the statement's plan ([] when the owner index drives it). */
  const fullScans = async (statement: Statement): Promise<string[]> => {
    const database = runtime.system.database;
    if (dialect === 'mysql') {
      const plan = await database.select(`EXPLAIN ${statement.sql}`, statement.bind);
      return plan.filter((row) => row.table === 'opportunity' && (row.type === 'ALL' || row.type === 'index' || !String(row.key).includes('owner'))).map((row) => JSON.stringify(row));
    }
    const plan = await database.select(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bind);
    // A SCAN, even of an index, reads every opportunity; the rule's lookups are SEARCHes.
    return plan.map((row) => String(row.detail)).filter((detail) => /^SCAN (TABLE )?"?opportunity"?\b/.test(detail));
  };

  it.each<[string, () => Actor, number]>([
    ['a rep (own records)', () => rep, ROWS / (TEAMS * USERS_PER_TEAM)],
    ['a manager (their reps, a hierarchy scope)', () => manager, (ROWS / (TEAMS * USERS_PER_TEAM)) * USERS_PER_TEAM],
  ])('counts and sums the board of %s in one grouped query on the owner index', async (_who, actorOf, visible) => {
    const { statements, board } = await boardStatements(actorOf());
    const perStage = visible / STAGES.length;
    expect(board.columns.map((column) => [column.value, column.count, column.sum])).toEqual(STAGES.map((stage) => [stage, perStage, perStage * 10.25]));
    expect(statements).toHaveLength(1);
    expect(statements[0]?.sql).toMatch(/GROUP BY/);
    for (const statement of statements) expect([statement.sql, await fullScans(statement)]).toEqual([statement.sql, []]);
  });

  it('the check can see a scan (the administrator\'s board reads every row)', async () => {
    const { statements, board } = await boardStatements(SYSTEM_ACTOR);
    expect(board.total).toBe(ROWS);
    expect(await fullScans(statements[0] as Statement)).not.toEqual([]);
  });
});
