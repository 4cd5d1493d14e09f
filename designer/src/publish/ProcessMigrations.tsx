// Publishing a changed process: how many records run it (per version, per state), a mapping for
// every state they are in that the new version no longer has, and — once the version is
// published — the migration of those records to it (the process migrate API), as part of the
// publish. Records on older versions are listed and moved with the same mapping.
import type { MetadataBundle, ProcessDocument } from '@stagecraft/core';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { stateAt, statePathsOf } from '../processes/process-edits';

interface RunningVersion {
  version: number;
  running: number;
  done: number;
  states: Record<string, number>;
}

/** A changed process with records running it, and the states of theirs the new version lacks. */
export interface ProcessToMigrate {
  process: string;
  label: string;
  versions: RunningVersion[];
  /** Old state path → records in it, for the paths the drafted process no longer has. */
  removed: Array<{ path: string; label: string; count: number }>;
  targets: Array<{ path: string; label: string }>;
}

export type Mappings = Record<string, Record<string, string>>;

function isChanged(live: ProcessDocument, draft: ProcessDocument): boolean {
  return JSON.stringify(live) !== JSON.stringify(draft);
}

/** The processes a publish of `draft` changes that records run, with what each needs. */
export function useProcessesToMigrate(live: MetadataBundle, draft: MetadataBundle, text: (value: unknown) => string): ProcessToMigrate[] | null {
  const [found, setFound] = useState<ProcessToMigrate[] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const changed = Object.values(live.processes).filter((process) => {
      const drafted = draft.processes[process.name];
      return drafted !== undefined && isChanged(process, drafted);
    });
    void Promise.all(
      changed.map(async (process): Promise<ProcessToMigrate | null> => {
        const drafted = draft.processes[process.name] as ProcessDocument;
        const answer = await api.get<{ data: RunningVersion[] }>(`/api/metadata/processes/${encodeURIComponent(process.name)}/running`);
        const versions = answer.data.filter((version) => version.running > 0);
        if (versions.length === 0) return null;
        const kept = new Set(statePathsOf(drafted.states));
        const counts = new Map<string, number>();
        for (const version of versions) for (const [path, count] of Object.entries(version.states)) if (!kept.has(path)) counts.set(path, (counts.get(path) ?? 0) + count);
        const labelOf = (document: ProcessDocument, path: string): string => text(stateAt(document, path)?.label) || path;
        return {
          process: process.name,
          label: text(drafted.label) || process.name,
          versions,
          removed: [...counts].map(([path, count]) => ({ path, label: labelOf(process, path), count })),
          targets: [...kept].map((path) => ({ path, label: labelOf(drafted, path) })),
        };
      }),
    ).then(
      (list) => isCurrent && setFound(list.filter((entry): entry is ProcessToMigrate => entry !== null)),
      () => isCurrent && setFound([]),
    );
    return () => void (isCurrent = false);
  }, [live, draft]);
  return found;
}

export function isMappingComplete(processes: readonly ProcessToMigrate[], mappings: Mappings): boolean {
  return processes.every((process) => process.removed.every((state) => (mappings[process.process]?.[state.path] ?? '') !== ''));
}

/** After the publish: moves every running record of each changed process to the new version. */
export async function migrateRecords(processes: readonly ProcessToMigrate[], mappings: Mappings, toVersion: number): Promise<{ moved: number; failures: string[] }> {
  let moved = 0;
  const failures: string[] = [];
  for (const process of processes) {
    for (const version of process.versions) {
      if (version.version >= toVersion) continue;
      try {
        const report = await api.post<{ migrated: number }>(`/api/metadata/processes/${encodeURIComponent(process.process)}/migrate`, { fromVersion: version.version, mapping: mappings[process.process] ?? {} });
        moved += report.migrated;
      } catch (error) {
        failures.push(`${process.label} (v${version.version}): ${error instanceof ApiError ? [error.message, ...error.details.map((detail) => detail.message)].join(' — ') : String(error)}`);
      }
    }
  }
  return { moved, failures };
}

export function ProcessMigrations({ processes, mappings, onChange }: { processes: readonly ProcessToMigrate[]; mappings: Mappings; onChange(mappings: Mappings): void }) {
  const { t } = useI18n();
  if (processes.length === 0) return null;
  return (
    <section className="process-migrations" aria-labelledby="process-migrations-title">
      <h3 id="process-migrations-title">{t('migrate.title')}</h3>
      {processes.map((process) => (
        <div key={process.process} className="process-migrations__process">
          <p>
            <strong>{process.label}</strong>{' '}
            {process.versions.map((version) => t('migrate.onVersion', { count: version.running, version: version.version })).join('; ')}
          </p>
          {process.removed.length === 0 && <p className="hint">{t('migrate.allKept')}</p>}
          {process.removed.map((state) => {
            const id = `migrate-${process.process}-${state.path}`;
            return (
              <div key={state.path} className="form-row form-row--inline">
                <label htmlFor={id}>{t('migrate.mapState', { count: state.count, state: state.path })}</label>
                <select
                  id={id}
                  value={mappings[process.process]?.[state.path] ?? ''}
                  onChange={(event) => onChange({ ...mappings, [process.process]: { ...(mappings[process.process] ?? {}), [state.path]: event.target.value } })}
                >
                  <option value="">{t('migrate.choose')}</option>
                  {process.targets.map((target) => (
                    <option key={target.path} value={target.path}>
                      {target.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
