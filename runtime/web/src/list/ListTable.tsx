// The rows of one page: sortable column headers (buttons with aria-sort), a checkbox per row
// for bulk actions, the first column linking to the record page.
import type { FieldDefinition, RecordData } from '../api/types';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { recordTitle, referenceTarget } from '../metadata/entity-info';
import { isNumericField } from '../metadata/field-types';
import { FieldValue } from '../ui/FieldValue';
import { sortDirection, toggleSort } from './list-state';

export interface ListColumnView {
  field: FieldDefinition;
  label: string;
  width?: number;
}

interface ListTableProps {
  entity: string;
  caption: string;
  columns: ListColumnView[];
  rows: RecordData[];
  displayField: string;
  /** Display fields of referenced entities by entity name. */
  displayFields: Map<string, string>;
  sort: string;
  onSort(sort: string): void;
  /** Whether rows can be selected for bulk actions (only when the user may do one). */
  selectable: boolean;
  selected: Set<string>;
  onSelect(selected: Set<string>): void;
  busy: boolean;
}


export function ListTable(props: ListTableProps) {
  const { t } = useI18n();
  const allSelected = props.rows.length > 0 && props.rows.every((row) => props.selected.has(row.id));
  const toggleAll = () => {
    const next = new Set(props.selected);
    for (const row of props.rows) {
      if (allSelected) next.delete(row.id);
      else next.add(row.id);
    }
    props.onSelect(next);
  };
  const toggle = (id: string) => {
    const next = new Set(props.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    props.onSelect(next);
  };
  return (
    <div className="table-wrap" aria-busy={props.busy}>
      <table className="table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.selectable && (
              <th scope="col" className="table__check">
                <input type="checkbox" aria-label={t('list.selectAll')} checked={allSelected} onChange={toggleAll} disabled={props.rows.length === 0} />
              </th>
            )}
            {props.columns.map((column) => {
              const direction = sortDirection(props.sort, column.field.name);
              return (
                <th key={column.field.name} scope="col" aria-sort={direction ?? 'none'} className={isNumericField(column.field) ? 'numeric' : undefined} style={column.width ? { width: column.width } : undefined}>
                  <button type="button" className="table__sort" onClick={() => props.onSort(toggleSort(props.sort, column.field.name))} title={t('list.sortBy', { field: column.label })}>
                    {column.label}
                    <span className="table__sort-icon" aria-hidden="true">
                      {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const title = recordTitle(row, props.displayField);
            return (
              <tr key={row.id} className={props.selected.has(row.id) ? 'is-selected' : undefined}>
                {props.selectable && (
                  <td className="table__check">
                    <input type="checkbox" aria-label={t('list.selectRow', { name: title })} checked={props.selected.has(row.id)} onChange={() => toggle(row.id)} />
                  </td>
                )}
                {props.columns.map((column, index) => {
                  const target = referenceTarget(column.field);
                  return (
                    <td key={column.field.name} className={isNumericField(column.field) ? 'numeric' : undefined}>
                      {index === 0 ? (
                        <Link href={recordHref.view(props.entity, row.id)} className="table__primary">
                          {column.field.name === props.displayField || typeof row[column.field.name] !== 'object' ? <FieldValue field={column.field} value={row[column.field.name]} record={row} /> : title}
                        </Link>
                      ) : (
                        <FieldValue field={column.field} value={row[column.field.name]} record={row} referenceDisplayField={target ? props.displayFields.get(target) : undefined} />
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
