// The baseline: what a developer would write by hand for the `deal` table with Express and
// Sequelize — a model with the same columns and validations, and the same three endpoints, each
// behind a bearer token checked against a sessions table (digest lookup) as ours are; a create
// writes its audit row in the same transaction as the record, as ours does.
import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DataTypes, Op, QueryTypes, Sequelize, type WhereOptions } from 'sequelize';

const STAGES = ['new', 'qualified', 'proposal', 'won', 'lost'];

const digest = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export async function startHandWrittenServer(databaseUrl: string, port: number, token: string): Promise<{ url: string; close(): Promise<void> }> {
  const sequelize = new Sequelize(databaseUrl, {
    dialect: 'mysql',
    logging: false,
    timezone: '+00:00',
    pool: { max: 10, min: 0, idle: 30_000 },
    dialectOptions: { decimalNumbers: true },
  });
  const Deal = sequelize.define(
    'Deal',
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      version: { type: DataTypes.BIGINT, allowNull: false, defaultValue: 1 },
      createdAt: { type: DataTypes.DATE(3), field: 'created_at' },
      updatedAt: { type: DataTypes.DATE(3), field: 'updated_at' },
      name: { type: DataTypes.STRING(200), allowNull: false, validate: { notEmpty: true } },
      stage: { type: DataTypes.STRING(100), defaultValue: 'new', validate: { isIn: [STAGES] } },
      amount: { type: DataTypes.DECIMAL(18, 2), validate: { min: 0 } },
      probability: { type: DataTypes.DECIMAL(9, 4), validate: { min: 0, max: 100 } },
      closeDate: { type: DataTypes.DATEONLY, field: 'close_date' },
      owner: { type: DataTypes.STRING(36) },
      notes: { type: DataTypes.TEXT, validate: { len: [0, 5000] } },
    },
    { tableName: 'deal', timestamps: true },
  );

  const AuditEntry = sequelize.define(
    'AuditEntry',
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      at: { type: DataTypes.DATE(3), allowNull: false },
      actorId: { type: DataTypes.STRING(36), field: 'actor_id' },
      action: { type: DataTypes.STRING(40), allowNull: false },
      entity: { type: DataTypes.STRING(64) },
      recordId: { type: DataTypes.STRING(36), field: 'record_id' },
      changes: { type: DataTypes.TEXT },
    },
    { tableName: 'hand_audit', timestamps: false },
  );
  await AuditEntry.sync();

  await sequelize.query('CREATE TABLE IF NOT EXISTS hand_sessions (token_hash CHAR(64) PRIMARY KEY, user_id VARCHAR(36) NOT NULL, expires_at DATETIME(3) NOT NULL)');
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
  app.post('/deals', async (request: Request, response: Response) => {
    try {
      const deal = await sequelize.transaction(async (transaction) => {
        const created = await Deal.create({ ...request.body, id: crypto.randomUUID() }, { transaction });
        await AuditEntry.create(
          { id: crypto.randomUUID(), at: new Date(), actorId: response.locals.userId, action: 'create', entity: 'deal', recordId: created.get('id'), changes: JSON.stringify(created.toJSON()) },
          { transaction },
        );
        return created;
      });
      response.status(201).json(deal);
    } catch (error) {
      response.status(422).json({ error: { message: (error as Error).message } });
    }
  });
  app.get('/deals/:id', async (request: Request, response: Response) => {
    const deal = await Deal.findByPk(String(request.params.id));
    if (!deal) {
      response.status(404).json({ error: { message: 'not found' } });
      return;
    }
    response.json(deal);
  });
  app.get('/deals', async (request: Request, response: Response) => {
    const where: WhereOptions = {};
    if (typeof request.query.stage === 'string') Object.assign(where, { stage: request.query.stage });
    if (typeof request.query.minAmount === 'string') Object.assign(where, { amount: { [Op.gte]: Number(request.query.minAmount) } });
    const pageSize = Math.min(Number(request.query.pageSize ?? 50), 500);
    const { rows, count } = await Deal.findAndCountAll({ where, order: [['amount', 'DESC'], ['id', 'ASC']], limit: pageSize, offset: 0 });
    response.json({ data: rows, total: count, page: 1, pageSize });
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
