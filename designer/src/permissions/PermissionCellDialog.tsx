// One cell of the permission matrix: what one permission set lets its role do with one entity —
// each operation with the records it reaches (a select, never JSON) and each field hidden,
// read-only or editable. Every choice is a draft edit at once (undo in the top bar); the
// validators' problems for the cell show beside the operation or field they name.
import type { EntityPermission, FieldAccessLevel } from '@stagecraft/core';
import { pathOf, problemsUnder } from '../draft/problems';
import { useStudio } from '../draft/draft-store';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/strings';
import { Dialog } from '../ui/Dialog';
import { choiceOf, isScopedOperation, MATRIX_OPERATIONS, scopeChoices, withOperation, YES_NO_CHOICES, type GrantChoice } from './permission-grants';

const FIELD_LEVELS = ['hidden', 'readOnly', 'editable'] as const satisfies readonly FieldAccessLevel[];

export function useChoiceLabel(): (choice: GrantChoice) => string {
  const { t } = useI18n();
  return (choice) => (choice.scope === 'via' ? (choice.operation ? t('scope.viaOperation', { field: choice.via ?? '', operation: choice.operation }) : t('scope.via', { field: choice.via ?? '' })) : t(`scope.${choice.scope}` as MessageKey));
}

function Problems({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="inline-error">
      {messages.join('; ')}
    </span>
  );
}

export function PermissionCellDialog({ setName, entityName, roleLabel, onClose }: { setName: string; entityName: string; roleLabel: string; onClose(): void }) {
  const { t, text } = useI18n();
  const studio = useStudio();
  const choiceLabel = useChoiceLabel();
  const set = studio.draft.permissions?.[setName];
  const entity = studio.draft.entities[entityName];
  const permission: EntityPermission | undefined = set?.entities[entityName];
  const cellPath = pathOf('permissions', setName, 'entities', entityName);
  const messagesAt = (...segments: string[]): string[] => problemsUnder(studio.problems, pathOf('permissions', setName, 'entities', entityName, ...segments)).map((problem) => problem.message);
  const edit = (change: (entry: EntityPermission) => void): void =>
    studio.change((bundle) => {
      const document = bundle.permissions?.[setName];
      if (!document) return;
      const entry = document.entities[entityName] ?? {};
      change(entry);
      document.entities[entityName] = entry;
    });
  const setFieldLevel = (field: string, level: string): void =>
    edit((entry) => {
      const fields = { ...(entry.fields ?? {}) };
      if (level === 'default') delete fields[field];
      else fields[field] = level as FieldAccessLevel;
      if (Object.keys(fields).length === 0) delete entry.fields;
      else entry.fields = fields;
    });
  const removeEntry = (): void => {
    studio.change((bundle) => {
      const document = bundle.permissions?.[setName];
      if (document) delete document.entities[entityName];
    });
    onClose();
  };
  const title = t('matrix.cellTitle', { role: roleLabel, entity: text(entity?.label) || entityName });
  const otherProblems = problemsUnder(studio.problems, cellPath).filter((problem) => !MATRIX_OPERATIONS.some((operation) => problem.path.startsWith(`${cellPath}/${operation}`)) && !problem.path.startsWith(`${cellPath}/fields/`));

  return (
    <Dialog title={title} onClose={onClose} wide>
      <p className="hint">{t('matrix.cellIntro', { set: setName })}</p>
      {otherProblems.length > 0 && (
        <ul className="alert alert--danger" role="alert">
          {otherProblems.map((problem) => (
            <li key={problem.path + problem.message}>{problem.message}</li>
          ))}
        </ul>
      )}
      <div className="grid-2 cell-editor">
        <table className="table">
          <caption>{t('matrix.operations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.operation')}</th>
              <th scope="col">{t('matrix.records')}</th>
            </tr>
          </thead>
          <tbody>
            {MATRIX_OPERATIONS.map((operation) => {
              const id = `cell-${operation}`;
              const messages = messagesAt(operation);
              const choices = isScopedOperation(operation) ? scopeChoices(entity, permission?.[operation]) : YES_NO_CHOICES;
              const value = isScopedOperation(operation) ? choiceOf(permission?.[operation]) : permission?.[operation] === true ? 'yes' : 'none';
              return (
                <tr key={operation} className={messages.length > 0 ? 'row--problem' : undefined}>
                  <th scope="row">
                    <label htmlFor={id}>{t(`operation.${operation}` as MessageKey)}</label>
                  </th>
                  <td>
                    <select id={id} value={value} aria-invalid={messages.length > 0 || undefined} aria-describedby={messages.length > 0 ? `${id}-problem` : undefined} onChange={(event) => edit((entry) => withOperation(entry, operation, event.target.value))}>
                      {choices.map((choice) => (
                        <option key={choice.value} value={choice.value}>
                          {choiceLabel(choice)}
                        </option>
                      ))}
                    </select>
                    <Problems id={`${id}-problem`} messages={messages} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <table className="table">
          <caption>{t('matrix.fields')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.label')}</th>
              <th scope="col">{t('matrix.fieldAccess')}</th>
            </tr>
          </thead>
          <tbody>
            {(entity?.fields ?? []).map((field) => {
              const id = `cell-field-${field.name}`;
              const messages = messagesAt('fields', field.name);
              return (
                <tr key={field.name} className={messages.length > 0 ? 'row--problem' : undefined}>
                  <th scope="row">
                    <label htmlFor={id}>{text(field.label) || field.name}</label>
                  </th>
                  <td>
                    <select id={id} value={permission?.fields?.[field.name] ?? 'default'} aria-describedby={messages.length > 0 ? `${id}-problem` : undefined} onChange={(event) => setFieldLevel(field.name, event.target.value)}>
                      <option value="default">{t('level.default')}</option>
                      {FIELD_LEVELS.map((level) => (
                        <option key={level} value={level}>
                          {t(`level.${level}`)}
                        </option>
                      ))}
                    </select>
                    <Problems id={`${id}-problem`} messages={messages} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="dialog__actions">
        {permission && (
          <button type="button" className="button button--danger" onClick={removeEntry}>
            {t('matrix.removeEntity')}
          </button>
        )}
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('matrix.done')}
        </button>
      </div>
    </Dialog>
  );
}
