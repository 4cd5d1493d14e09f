// Importing records from a CSV file without touching the API: choose a file, see its columns
// matched to the entity's writable fields (change any match), optionally update existing records
// by a unique field, check it (a dry run that writes nothing), and import it all or nothing. Row
// problems come back from the server with the row and field, shown in plain words.
import { useState, type ChangeEvent } from 'react';
import { parseCsv, type CsvRecord } from '@stagecraft/core/csv';
import { api } from '../api/client';
import type { FieldDefinition } from '../api/types';
import { useAsync } from '../api/use-async';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { metadata } from '../metadata/metadata';
import { ErrorNotice, Loading, plainError } from '../ui/feedback';
import { fieldOfProblemPath, mappedCsv, matchColumns } from './import-mapping';
import './import-strings';
import './import.css';

interface ImportReport {
  created: number;
  updated: number;
  failed: number;
  dryRun: boolean;
  rows: Array<{ row: number; action: 'created' | 'updated' | 'failed'; errors?: Array<{ path: string; message: string }> }>;
}

interface ChosenFile {
  name: string;
  headers: string[];
  rows: CsvRecord[];
}

type Outcome = { kind: 'checked' | 'imported' | 'refused'; report: ImportReport } | { kind: 'error'; error: unknown };

const EXAMPLE_LENGTH = 40;

export function ImportPage({ entity: entityName }: { entity: string }) {
  const { t, text } = useI18n();
  const setup = useAsync(async () => {
    const [entity, schema] = await Promise.all([metadata.entity(entityName), metadata.schema(entityName, 'create')]);
    // What this user may write on create (fields their policy makes read-only are marked so).
    const properties = (schema.properties ?? {}) as Record<string, { readOnly?: boolean } | undefined>;
    const targets = entity.fields.filter((field) => properties[field.name] !== undefined && properties[field.name]?.readOnly !== true);
    return { entity, targets };
  }, [entityName]);
  const [file, setFile] = useState<ChosenFile>();
  const [fileError, setFileError] = useState<unknown>();
  const [mapping, setMapping] = useState<Array<string | undefined>>([]);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState<'check' | 'run'>();
  const [outcome, setOutcome] = useState<Outcome>();

  if (setup.error !== undefined) return <div className="page"><ErrorNotice error={setup.error} onRetry={setup.reload} /></div>;
  if (!setup.data) return <div className="page"><Loading /></div>;
  const { entity, targets } = setup.data;
  const plural = text(entity.pluralLabel ?? entity.label, entity.name);
  const labelOf = (name: string): string => {
    const field = targets.find((candidate) => candidate.name === name);
    return field ? text(field.label, field.name) : name;
  };
  const keyFields = targets.filter((field) => mapping.includes(field.name) && (field as FieldDefinition & { unique?: boolean }).unique === true);
  const mappedCount = mapping.filter((field) => field !== undefined).length;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setOutcome(undefined);
    setFileError(undefined);
    setFile(undefined);
    if (!chosen) return;
    try {
      const [header, ...rows] = parseCsv(await chosen.text());
      const headers = (header?.cells ?? []).map((cell) => cell.trim());
      setFile({ name: chosen.name, headers, rows });
      setMapping(matchColumns(headers, targets));
      setKey('');
    } catch (error) {
      setFileError(error);
    }
  };

  const send = async (dryRun: boolean): Promise<ImportReport> => {
    const query = { dryRun: dryRun ? 'true' : 'false', ...(key === '' ? {} : { mode: 'upsert', key }) };
    return api.postText<ImportReport>(`/api/records/${encodeURIComponent(entity.name)}/import`, mappedCsv(file?.rows ?? [], mapping), 'text/csv', query);
  };

  // Importing checks first, so a file with bad rows is refused as a whole with every problem listed.
  const run = async (action: 'check' | 'run') => {
    setBusy(action);
    setOutcome(undefined);
    try {
      const checked = await send(true);
      if (checked.failed > 0) setOutcome({ kind: 'refused', report: checked });
      else if (action === 'check') setOutcome({ kind: 'checked', report: checked });
      else setOutcome({ kind: 'imported', report: await send(false) });
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(undefined);
    }
  };

  const canSend = file !== undefined && file.rows.length > 0 && mappedCount > 0 && busy === undefined;
  return (
    <div className="page page--import">
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link href={recordHref.list(entity.name)}>{plural}</Link>
          </p>
          <h1>{t('import.title', { entity: plural })}</h1>
          <p className="muted small import-intro">{t('import.intro')}</p>
        </div>
      </header>

      <section className="card import-step" aria-labelledby="import-file-label">
        <div className="field import-file">
          <label id="import-file-label" htmlFor="import-file">
            {t('import.file')}
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(event) => void choose(event)} />
        </div>
        {fileError !== undefined && <p className="notice notice--error" role="alert">{plainError(fileError, t)}</p>}
        {file && <p className="muted small" aria-live="polite">{file.rows.length === 0 ? t('import.empty') : t('import.summary', { rows: file.rows.length, columns: file.headers.length, file: file.name })}</p>}
      </section>

      {file && file.headers.length > 0 && (
        <section className="card import-step">
          <table className="table import-mapping">
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.example')}</th>
                <th scope="col">{t('import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {file.headers.map((header, index) => {
                const example = file.rows[0]?.cells[index] ?? '';
                return (
                  <tr key={`${index}:${header}`}>
                    <th scope="row">{header || '—'}</th>
                    <td className="muted">{example.length > EXAMPLE_LENGTH ? `${example.slice(0, EXAMPLE_LENGTH)}…` : example}</td>
                    <td>
                      <select
                        className="input"
                        aria-label={t('import.fieldFor', { column: header || String(index + 1) })}
                        value={mapping[index] ?? ''}
                        onChange={(event) => {
                          const chosen = event.target.value === '' ? undefined : event.target.value;
                          // A field takes one column: choosing it here frees it elsewhere.
                          setMapping(mapping.map((field, column) => (column === index ? chosen : field === chosen ? undefined : field)));
                          setOutcome(undefined);
                        }}
                      >
                        <option value="">{t('import.skip')}</option>
                        {targets.map((field) => (
                          <option key={field.name} value={field.name}>
                            {text(field.label, field.name)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {keyFields.length > 0 && (
            <div className="field import-key">
              <label htmlFor="import-key">{t('import.match')}</label>
              <select id="import-key" value={key} onChange={(event) => { setKey(event.target.value); setOutcome(undefined); }}>
                <option value="">{t('import.matchNone')}</option>
                {keyFields.map((field) => (
                  <option key={field.name} value={field.name}>
                    {t('import.matchBy', { field: text(field.label, field.name) })}
                  </option>
                ))}
              </select>
            </div>
          )}
          {mappedCount === 0 && <p className="muted small">{t('import.nothingMapped')}</p>}
          <div className="import-actions">
            <button type="button" className="button" disabled={!canSend} onClick={() => void run('check')}>
              {busy === 'check' ? t('import.checking') : t('import.check')}
            </button>
            <button type="button" className="button button--primary" disabled={!canSend} onClick={() => void run('run')}>
              {busy === 'run' ? t('import.running') : t('import.run')}
            </button>
          </div>
        </section>
      )}

      {outcome && (
        <section className="card import-step" aria-live="polite">
          {outcome.kind === 'error' && <ErrorNotice error={outcome.error} />}
          {outcome.kind === 'checked' && <p className="notice">{t('import.checked', { count: outcome.report.rows.length })}</p>}
          {outcome.kind === 'imported' && (
            <p className="notice notice--success">
              {t('import.done', { created: outcome.report.created, updated: outcome.report.updated })} <Link href={recordHref.list(entity.name)}>{t('import.viewList')}</Link>
            </p>
          )}
          {outcome.kind === 'refused' && (
            <>
              <p className="notice notice--error" role="alert">{t('import.failedRows', { failed: outcome.report.failed, count: outcome.report.rows.length })}</p>
              <table className="table import-problems">
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.field')}</th>
                    <th scope="col">{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.report.rows.flatMap((row) =>
                    (row.errors ?? []).map((problem, index) => {
                      const field = fieldOfProblemPath(problem.path);
                      return (
                        <tr key={`${row.row}:${index}`}>
                          <td className="numeric">{row.row}</td>
                          <td>{field === undefined ? t('import.whole') : labelOf(field)}</td>
                          <td>{problem.message}</td>
                        </tr>
                      );
                    }),
                  )}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </div>
  );
}
