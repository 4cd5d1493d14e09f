// A list of filter clauses (every one must hold) edited without JSON: each clause shown as field,
// operator and value with a remove button and its problems; a row below adds one. Operators offered
// are those core accepts for the chosen field's type; an enum's value is picked from its options.
// Used for a list layout's default filters and a sharing rule's criteria.
import type { EntityDocument, FilterClause, FilterOperator } from '@stagecraft/core';
import { filterOperatorsFor } from '@stagecraft/core/filter-operators';
import { useId, useState } from 'react';
import type { ProblemDetail } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { filterValueOf, filterValueText, NUMERIC_FIELD_TYPES } from '../layouts/layout-edits';
import { ProblemNotes } from '../layouts/ProblemNotes';

interface FilterClausesEditorProps {
  entity: EntityDocument;
  clauses: readonly FilterClause[];
  onChange(clauses: FilterClause[]): void;
  /** The problems of the clause at `index` (by its JSON path). */
  problemsAt(index: number): ProblemDetail[];
  titleOf?(field: string): string;
}

export function FilterClausesEditor({ entity, clauses, onChange, problemsAt, titleOf }: FilterClausesEditorProps) {
  const { t, text } = useI18n();
  const baseId = useId();
  const [field, setField] = useState('');
  const [op, setOp] = useState<FilterOperator>('eq');
  const [value, setValue] = useState('');
  const title = titleOf ?? ((name: string) => text(entity.fields.find((candidate) => candidate.name === name)?.label) || name);
  const chosenField = entity.fields.find((candidate) => candidate.name === field) ?? entity.fields[0];
  const operators = chosenField ? filterOperatorsFor(chosenField.type) : [];
  const chosenOp = operators.includes(op) ? op : (operators[0] ?? 'eq');

  return (
    <>
      {clauses.length === 0 ? (
        <p className="muted">{t('layouts.noFilters')}</p>
      ) : (
        <ul className="filter-list">
          {clauses.map((clause, index) => (
            <li key={`${clause.field}:${index}`}>
              <span>
                {title(clause.field)} <code>{clause.op}</code> {filterValueText(clause.value)}
              </span>
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={t('layouts.removeFilterNamed', { name: title(clause.field) })}
                onClick={() => onChange(clauses.filter((_, position) => position !== index))}
              >
                {t('field.remove')}
              </button>
              <ProblemNotes problems={problemsAt(index)} />
            </li>
          ))}
        </ul>
      )}
      {chosenField && (
        <div className="inline-form inline-form--wrap">
          <label htmlFor={`${baseId}-field`}>{t('layouts.filterField')}</label>
          <select id={`${baseId}-field`} value={chosenField.name} onChange={(event) => setField(event.target.value)}>
            {entity.fields.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {title(candidate.name)}
              </option>
            ))}
          </select>
          <label htmlFor={`${baseId}-op`}>{t('layouts.filterOperator')}</label>
          <select id={`${baseId}-op`} value={chosenOp} onChange={(event) => setOp(event.target.value as FilterOperator)}>
            {operators.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`layouts.op.${candidate}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${baseId}-value`}>{t('layouts.filterValue')}</label>
          {chosenField.type === 'enum' && chosenOp !== 'in' && chosenOp !== 'isNull' ? (
            <select id={`${baseId}-value`} value={value} onChange={(event) => setValue(event.target.value)}>
              <option value="">—</option>
              {chosenField.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {text(option.label) || option.value}
                </option>
              ))}
            </select>
          ) : (
            <input id={`${baseId}-value`} value={value} placeholder={chosenOp === 'in' ? t('layouts.filterListHint') : chosenOp === 'isNull' ? 'true / false' : ''} onChange={(event) => setValue(event.target.value)} />
          )}
          <button
            type="button"
            className="button"
            onClick={() => {
              onChange([...clauses, { field: chosenField.name, op: chosenOp, value: filterValueOf(chosenOp, value, NUMERIC_FIELD_TYPES.has(chosenField.type)) } as FilterClause]);
              setValue('');
            }}
          >
            {t('layouts.addFilter')}
          </button>
        </div>
      )}
    </>
  );
}
