// Kanban boards from board layouts, for any entity: the boards a user may open, a board's columns
// (counts and sums from one grouped query) and a column's cards page by page. Everything reads
// through the permission layer: the entity's read grant and row rule, and its field access —
// a hidden card field is left off, a hidden sum field gives no sums, a hidden group-by field
// makes the board unknown to the reader, as a hidden field is everywhere else.
import { BadRequestError, NotFoundError, type BoardLayout, type LocalisedText } from '@stagecraft/core';
import { accessOf, requireOperation } from '../access/record-access';
import { visibleEntityOf } from '../access/visible-entity';
import type { Database } from '../db/database';
import { NO_ORIGIN, type Actor } from '../identity/actor';
import type { CompiledEntity, CompiledField, CompiledMetadata } from '../live/compiled-types';
import type { ListQuery } from '../records/list-query';
import type { RecordPage } from '../records/operations/list-records';
import { listRecords } from '../records/operations/list-records';
import { entityOf, type RecordContext } from '../records/record-context';
import { boardColumns, columnOptionsOf, type BoardColumn } from './board-columns';

export interface BoardSummary {
  name: string;
  entity: string;
  label?: LocalisedText;
  groupBy: string;
}

export interface Board extends BoardSummary {
  /** The card fields the reader may see. */
  cardFields: string[];
  /** Absent when the layout has none or the reader may not see it. */
  sumField?: string;
  columns: BoardColumn[];
  /** Records on the board (the sum of the column counts). */
  total: number;
}

export interface BoardServiceDependencies {
  database: Database;
  metadata: () => CompiledMetadata;
}

interface ResolvedBoard {
  layout: BoardLayout;
  stored: CompiledEntity;
  visible: CompiledEntity;
  groupBy: CompiledField;
  cardFields: string[];
  sumField: CompiledField | undefined;
}

export class BoardService {
  private readonly knownSequences = new Set<string>();

  constructor(private readonly dependencies: BoardServiceDependencies) {}

  private context(actor: Actor): RecordContext {
    return { database: this.dependencies.database, metadata: this.dependencies.metadata(), actor, origin: NO_ORIGIN, now: () => new Date(), knownSequences: this.knownSequences };
  }

  /** The boards over entities the actor may read whose group-by field they may see. */
  list(actor: Actor): BoardSummary[] {
    const context = this.context(actor);
    const boards: BoardSummary[] = [];
    for (const layout of context.metadata.layouts.values()) {
      if (layout.kind !== 'board') continue;
      const entity = context.metadata.entities.get(layout.entity);
      if (!entity) continue;
      const access = accessOf(context, entity);
      if (!access.can('read') || access.hiddenFields.has(layout.groupBy)) continue;
      boards.push(summaryOf(layout));
    }
    return boards.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The board's columns with counts (and sums), for the records matching the list filters and search. */
  async board(name: string, query: ListQuery, actor: Actor): Promise<Board> {
    const context = this.context(actor);
    const board = resolveBoard(context, name);
    const columns = await boardColumns(context, board.layout, { ...board, filters: query.filters, search: query.search });
    const result: Board = { ...summaryOf(board.layout), cardFields: board.cardFields, columns, total: columns.reduce((total, column) => total + column.count, 0) };
    if (board.sumField) result.sumField = board.sumField.name;
    return result;
  }

  /** One column's cards (the visible card fields, group-by and sum fields), a page at a time. */
  async cards(name: string, value: string, query: ListQuery, actor: Actor): Promise<RecordPage> {
    const context = this.context(actor);
    const board = resolveBoard(context, name);
    if (!columnOptionsOf(board.layout, board.groupBy).some((option) => option.value === value)) {
      throw new NotFoundError(`The board "${name}" has no column "${value}"`);
    }
    const fields = [...new Set([...board.cardFields, board.groupBy.name, ...(board.sumField ? [board.sumField.name] : [])])];
    return listRecords(context, board.layout.entity, {
      ...query,
      filters: [...query.filters, { field: board.groupBy.name, op: 'eq', value }],
      fields: query.fields ?? fields,
    });
  }
}

function summaryOf(layout: BoardLayout): BoardSummary {
  const summary: BoardSummary = { name: layout.name, entity: layout.entity, groupBy: layout.groupBy };
  if (layout.label !== undefined) summary.label = layout.label;
  return summary;
}

function resolveBoard(context: RecordContext, name: string): ResolvedBoard {
  const layout = context.metadata.layouts.get(name);
  if (!layout || layout.kind !== 'board') throw new NotFoundError(`There is no board "${name}"`);
  const stored = entityOf(context, layout.entity);
  const access = accessOf(context, stored);
  requireOperation(access, 'read');
  const visible = visibleEntityOf(stored, access);
  const groupBy = visible.fields.get(layout.groupBy);
  // As for a report: a field hidden from the reader is unknown, word for word.
  if (!groupBy) throw new BadRequestError('The board is not valid', [{ path: '/board/groupBy', message: `${stored.name} has no field "${layout.groupBy}"`, code: 'unknownField' }]);
  const sumField = layout.sumField === undefined ? undefined : visible.fields.get(layout.sumField);
  const cardFields = layout.cardFields.filter((field) => visible.fields.has(field) || visible.relations.has(field));
  return { layout, stored, visible, groupBy, cardFields, sumField };
}
