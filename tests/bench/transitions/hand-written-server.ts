// The transitions baseline: what a developer would write by hand for a two-stage deal with Express
// and Sequelize — a bearer token checked against a sessions table, then one transaction that
// locks the deal (SELECT … FOR UPDATE), moves its stage with an optimistic version check, and
// inserts a transition-log row and an audit row. No metadata, no state machine, no permissions.
import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { QueryTypes, Sequelize } from 'sequelize';

const digest = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
const NEXT_STAGE: Readonly<Record<string, string>> = { open: 'review', review: 'open' };

export async function startHandWrittenServer(databaseUrl: string, port: number, token: string): Promise<{ url: string; close(): Promise<void> }> {
  const sequelize = new Sequelize(databaseUrl, { dialect: 'mysql', logging: false, timezone: '+00:00', pool: { max: 10, min: 0, idle: 30_000 } });
  await sequelize.query('CREATE TABLE IF NOT EXISTS hand_sessions (token_hash CHAR(64) PRIMARY KEY, user_id VARCHAR(36) NOT NULL, expires_at DATETIME(3) NOT NULL)');
  await sequelize.query(
    'CREATE TABLE IF NOT EXISTS hand_transitions (id VARCHAR(36) PRIMARY KEY, deal_id VARCHAR(36) NOT NULL, event VARCHAR(100) NOT NULL, from_stage VARCHAR(100) NOT NULL, ' +
      'to_stage VARCHAR(100) NOT NULL, actor_id VARCHAR(36) NOT NULL, at DATETIME(3) NOT NULL, record_version BIGINT NOT NULL, INDEX hand_transitions_deal (deal_id, at))',
  );
  await sequelize.query(
    'CREATE TABLE IF NOT EXISTS hand_audit (id VARCHAR(36) PRIMARY KEY, at DATETIME(3) NOT NULL, actor_id VARCHAR(36), action VARCHAR(40) NOT NULL, entity VARCHAR(64), record_id VARCHAR(36), changes TEXT, INDEX hand_audit_record (entity, record_id, at))',
  );
  await sequelize.query('INSERT INTO hand_sessions (token_hash, user_id, expires_at) VALUES (?, ?, DATE_ADD(NOW(3), INTERVAL 1 DAY))', { replacements: [digest(token), crypto.randomUUID()] });

  const app = express();
  app.use(async (request: Request, response: Response, next: NextFunction) => {
    const presented = /^Bearer (\S+)$/.exec(request.get('authorization') ?? '')?.[1];
    const rows = presented ? await sequelize.query<{ user_id: string }>('SELECT user_id FROM hand_sessions WHERE token_hash = ? AND expires_at > NOW(3)', { replacements: [digest(presented)], type: QueryTypes.SELECT }) : [];
    const session = rows[0];
    if (!session) {
      response.status(401).json({ error: { message: 'unauthorized' } });
      return;
    }
    response.locals.userId = session.user_id;
    next();
  });
  app.use(express.json());
  app.post('/deals/:id/transitions', async (request: Request, response: Response) => {
    const id = String(request.params.id);
    const event = typeof request.body?.event === 'string' ? request.body.event : '';
    if (event !== 'TOGGLE') {
      response.status(409).json({ error: { message: `event ${event} is not allowed` } });
      return;
    }
    try {
      const result = await sequelize.transaction(async (transaction) => {
        const [deal] = await sequelize.query<{ stage: string; version: number }>('SELECT stage, version FROM deal WHERE id = ? FOR UPDATE', { replacements: [id], type: QueryTypes.SELECT, transaction });
        if (!deal) return null;
        const to = NEXT_STAGE[deal.stage] ?? 'open';
        const now = new Date();
        const version = Number(deal.version) + 1;
        const [, changed] = await sequelize.query('UPDATE deal SET stage = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?', { replacements: [to, version, now, id, deal.version], type: QueryTypes.UPDATE, transaction });
        if (Number(changed) !== 1) throw new Error('stale version');
        await sequelize.query('INSERT INTO hand_transitions (id, deal_id, event, from_stage, to_stage, actor_id, at, record_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', {
          replacements: [crypto.randomUUID(), id, event, deal.stage, to, response.locals.userId, now, version], transaction,
        });
        await sequelize.query('INSERT INTO hand_audit (id, at, actor_id, action, entity, record_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?)', {
          replacements: [crypto.randomUUID(), now, response.locals.userId, 'transition', 'deal', id, JSON.stringify({ event, from: deal.stage, to, fields: { stage: { from: deal.stage, to } } })], transaction,
        });
        return { id, stage: to, version };
      });
      if (!result) {
        response.status(404).json({ error: { message: 'not found' } });
        return;
      }
      response.json(result);
    } catch (error) {
      response.status(409).json({ error: { message: (error as Error).message } });
    }
  });

  await sequelize.authenticate();
  const server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sequelize.close();
    },
  };
}

if (require.main === module) {
  const [databaseUrl, port, token] = process.argv.slice(2);
  if (!databaseUrl || !port || !token) throw new Error('usage: hand-written-server <mysql url> <port> <bearer token>');
  startHandWrittenServer(databaseUrl, Number(port), token).then(({ url }) => console.log(`ready ${url}`));
}
