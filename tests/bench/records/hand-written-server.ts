// The baseline: what a developer would write by hand for the `deal` table with Express and
// Sequelize — a model with the same columns and validations, and the same three endpoints.
import crypto from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { DataTypes, Op, Sequelize, type WhereOptions } from 'sequelize';

const STAGES = ['new', 'qualified', 'proposal', 'won', 'lost'];

export async function startHandWrittenServer(databaseUrl: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
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

  const app = express();
  app.use(express.json());
  app.post('/deals', async (request: Request, response: Response) => {
    try {
      const deal = await Deal.create({ ...request.body, id: crypto.randomUUID() });
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
  const [databaseUrl, port] = process.argv.slice(2);
  if (!databaseUrl || !port) throw new Error('usage: hand-written-server <mysql url> <port>');
  startHandWrittenServer(databaseUrl, Number(port)).then(({ url }) => console.log(`ready ${url}`));
}
