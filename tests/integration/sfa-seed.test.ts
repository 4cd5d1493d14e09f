// The SFA pack's demo data (packs/sfa/seed) through the generic seeder: a believable company in
// every entity, later-stage deals moved there by the sales method's own events (process
// instances, transition log and timers consistent, so a board or a transition works on them),
// deterministic (the same figures on every database) and idempotent (a second run creates and
// changes nothing).
import { loadSeed, runSeed, SEED_RECORDS_TABLE, type SeedReport } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { SFA_PACK, startSfaRuntime, type SfaTestRuntime } from './sfa-harness';

const ANCHOR = new Date('2026-11-02T09:00:00.000Z');
const EXPECTED_CREATED = {
  territory: 6, product: 12, priceBookEntry: 24, account: 200, contact: 500, lead: 300, opportunity: 400,
  quote: 448, quoteLine: 917, paymentMilestone: 346, activity: 900,
};
type Row = Record<string, unknown>;

describe.each(testDialects())('the SFA demo seed on %s', (dialect) => {
  let runtime: SfaTestRuntime;
  let first: SeedReport;

  const seed = async (): Promise<SeedReport> => {
    const definition = await loadSeed(SFA_PACK);
    if (!definition) throw new Error('the SFA pack has no seed');
    return runSeed(definition, { database: runtime.system.database, repository: runtime.system.repository, metadata: () => runtime.live.get(), anchor: ANCHOR });
  };
  const q = (name: string) => runtime.system.database.quote(name);
  const sql = (text: string): Promise<Row[]> => runtime.system.database.select(text, []);
  const table = (entity: string): string => runtime.live.get().entities.get(entity)?.tableSql ?? q(entity);
  const count = async (from: string, where = ''): Promise<number> => Number((await sql(`SELECT COUNT(*) AS ${q('n')} FROM ${from}${where}`))[0]?.n);
  /** Everything a second run could change: every seeded record's id and version, and the log tables' sizes. */
  const fingerprint = async (): Promise<string> => {
    const parts: string[] = [];
    for (const entity of Object.keys(EXPECTED_CREATED)) {
      const rows = await sql(`SELECT ${q('id')}, ${q('version')}, ${q('updated_at')} FROM ${table(entity)} ORDER BY ${q('id')}`);
      parts.push(`${entity}:${rows.map((row) => `${String(row.id)}@${String(row.version)}`).join(',')}`);
    }
    for (const log of ['stagecraft_audit', 'stagecraft_process_transitions', 'stagecraft_timers', 'stagecraft_outbox', 'stagecraft_notifications', SEED_RECORDS_TABLE]) parts.push(`${log}:${await count(q(log))}`);
    return parts.join('\n');
  };

  beforeAll(async () => {
    runtime = await startSfaRuntime(dialect, ANCHOR.toISOString());
    first = await seed();
  }, 900_000);
  afterAll(async () => {
    await runtime?.close();
  });

  it('creates a whole company, every record through the record service', async () => {
    expect(first.created).toEqual(EXPECTED_CREATED);
    expect(first.existing).toBe(0);
    for (const [entity, created] of Object.entries(EXPECTED_CREATED)) {
      // Stale-deal alerts at the anchor add follow-up tasks to the seeded activities.
      // The demo partner user's account comes with the demo users, not the seed.
      const extra = entity === 'activity' ? await count(table('activity'), ` WHERE ${q('subject')} LIKE 'Follow up on stale deal:%'`) : entity === 'account' ? 1 : 0;
      expect([entity, await count(table(entity))]).toEqual([entity, created + extra]);
      expect([entity, await count(q('stagecraft_audit'), ` WHERE ${q('entity')} = '${entity}' AND ${q('action')} = 'create'`)]).toEqual([entity, created + extra]);
    }
    expect(await count(q(SEED_RECORDS_TABLE))).toBe(Object.values(EXPECTED_CREATED).reduce((sum, value) => sum + value, 0));
  });

  it('spreads the deals over every stage, through the sales method, with fixed figures', async () => {
    const stages = await sql(`SELECT ${q('stage')}, COUNT(*) AS ${q('n')}, SUM(${q('amount')}) AS ${q('amount')} FROM ${table('opportunity')} GROUP BY ${q('stage')} ORDER BY ${q('stage')}`);
    expect(stages.map((row) => [row.stage, Number(row.n), Number(row.amount)])).toEqual(EXPECTED_STAGES);
    // Every deal's process state is its stage, and its log holds the events that took it there.
    const states = await sql(`SELECT o.${q('stage')}, p.${q('state')} FROM ${table('opportunity')} o LEFT JOIN ${q('stagecraft_process_instances')} p ON p.${q('record_id')} = o.${q('id')} AND p.${q('entity')} = 'opportunity'`);
    expect(states).toHaveLength(400);
    expect(states.filter((row) => row.state !== JSON.stringify(row.stage))).toEqual([]);
    const steps = await sql(`SELECT ${q('event')}, COUNT(*) AS ${q('n')} FROM ${q('stagecraft_process_transitions')} WHERE ${q('entity')} = 'opportunity' AND ${q('event')} IN ('QUALIFY', 'PROPOSE', 'NEGOTIATE', 'WIN', 'LOSE') GROUP BY ${q('event')} ORDER BY ${q('event')}`);
    expect(Object.fromEntries(steps.map((row) => [row.event, Number(row.n)]))).toEqual(EXPECTED_STEPS);
    const lost = await sql(`SELECT COUNT(*) AS ${q('n')} FROM ${table('opportunity')} WHERE ${q('stage')} = 'closedLost' AND ${q('lost_reason')} IS NULL`);
    expect(Number(lost[0]?.n)).toBe(0);
    // Closed deals closed in the past, after they were created; open ones close in the future.
    const misdated = await sql(`SELECT ${q('id')} FROM ${table('opportunity')} WHERE (${q('stage')} IN ('closedWon', 'closedLost') AND ${q('close_date')} > '2026-11-02') OR (${q('stage')} NOT IN ('closedWon', 'closedLost') AND ${q('close_date')} <= '2026-11-02') OR ${q('created_at')} > '2026-11-02 09:00:00.000'`);
    expect(misdated).toEqual([]);
  });

  it('names records the same way on every database', async () => {
    const named = async (key: string, entity: string, field: string): Promise<unknown> => {
      const rows = await sql(`SELECT t.${q(field)} AS ${q('value')} FROM ${q(SEED_RECORDS_TABLE)} s JOIN ${table(entity)} t ON t.${q('id')} = s.${q('record_id')} WHERE s.${q('seed_key')} = '${key}'`);
      return rows[0]?.value;
    };
    expect(await named('sfa-demo:account:0', 'account', 'name')).toBe(FIRST_ACCOUNT);
    expect(await named('sfa-demo:contact:0', 'contact', 'email')).toBe(FIRST_CONTACT_EMAIL);
    expect(await named('sfa-demo:opportunity:0', 'opportunity', 'name')).toBe(FIRST_DEAL);
    const received = await sql(`SELECT ${q('status')}, COUNT(*) AS ${q('n')} FROM ${table('paymentMilestone')} GROUP BY ${q('status')} ORDER BY ${q('status')}`);
    expect(received.map((row) => [row.status, Number(row.n)])).toEqual(EXPECTED_MILESTONES);
  });

  it('fills the opportunity board column by column, as a rep sees only their own', async () => {
    const board = await runtime.api().get('/api/boards/opportunityBoard').expect(200);
    const columns = board.body.columns as Array<{ value: string; count: number; sum: number }>;
    const expected = new Map(EXPECTED_STAGES.map(([stage, count, amount]) => [stage, [count, amount]]));
    expect(columns.map((column) => [column.value, column.count, column.sum])).toEqual(
      ['prospecting', 'qualification', 'proposal', 'negotiation', 'closedWon', 'closedLost'].map((stage) => [stage, ...(expected.get(stage) ?? [])]),
    );
    const rep = await runtime.as(runtime.users.rep1.token).get('/api/boards/opportunityBoard').expect(200);
    const repTotal = (rep.body.columns as Array<{ count: number }>).reduce((sum, column) => sum + column.count, 0);
    expect(repTotal).toBe(await count(table('opportunity'), ` WHERE ${q('owner')} = '${runtime.users.rep1.id}'`));
    expect(repTotal).toBeGreaterThan(50);
    expect(repTotal).toBeLessThan(400);
  });

  it('leaves seeded deals working: their transitions are offered and taken', async () => {
    const [deal] = await sql(`SELECT ${q('id')} FROM ${table('opportunity')} WHERE ${q('stage')} = 'negotiation' ORDER BY ${q('id')}`);
    const id = String(deal?.id);
    const offered = await runtime.api().get(`/api/records/opportunity/${id}/transitions`).expect(200);
    expect(offered.body.data.filter((transition: { allowed: boolean }) => transition.allowed).map((transition: { event: string }) => transition.event).sort()).toEqual(['WIN']);
    await runtime.api().post(`/api/records/opportunity/${id}/transitions`).send({ event: 'WIN' }).expect(200);
    const board = await runtime.api().get('/api/records/opportunity?filter[stage][eq]=closedWon&pageSize=1').expect(200);
    expect(board.body.total).toBe(EXPECTED_STAGES.find(([stage]) => stage === 'closedWon')?.[1] as number + 1);
  });

  it('creates and changes nothing when run again', async () => {
    const before = await fingerprint();
    const second = await seed();
    expect(second.created).toEqual(Object.fromEntries(Object.keys(EXPECTED_CREATED).map((step) => [step, 0])));
    expect(second.existing).toBe(Object.values(EXPECTED_CREATED).reduce((sum, value) => sum + value, 0));
    expect(second.transitions).toBe(0);
    expect(await fingerprint()).toBe(before);
  }, 300_000);
});

const EXPECTED_STAGES: Array<[string, number, number]> = [
  ['closedLost', 88, 18508000], ['closedWon', 114, 23243500], ['negotiation', 38, 6940500],
  ['proposal', 52, 9876500], ['prospecting', 62, 11990000], ['qualification', 46, 9382000],
];
const EXPECTED_STEPS: Record<string, number> = { LOSE: 88, NEGOTIATE: 152, PROPOSE: 292, QUALIFY: 338, WIN: 114 };
const FIRST_ACCOUNT = '北京瑞丰物流有限公司';
const FIRST_CONTACT_EMAIL = 'joseph.thompson@zenithdevices.com';
const FIRST_DEAL = 'Titan Textiles S.A. — Renewal';
const EXPECTED_MILESTONES: Array<[string, number]> = [['open', 46], ['overdue', 30], ['received', 270]];
