// The draft against the live version, entity by entity: entities and fields added, removed
// (retired on publish, restorable until then) and changed, with the plan the server computed for
// the draft so far.
import type { EntityDocument, MetadataBundle } from '@stagecraft/core';
import { useI18n } from '../i18n/i18n';
import { useStudio } from '../draft/draft-store';
import { Link } from '../shell/router';
import { PlanSteps } from './PlanSteps';

interface EntityChange {
  name: string;
  kind: 'added' | 'removed' | 'changed';
  added: string[];
  removed: string[];
  changed: string[];
}

function changesOf(live: MetadataBundle, draft: MetadataBundle): EntityChange[] {
  const names = [...new Set([...Object.keys(live.entities), ...Object.keys(draft.entities)])].sort();
  const changes: EntityChange[] = [];
  for (const name of names) {
    const before: EntityDocument | undefined = live.entities[name];
    const after: EntityDocument | undefined = draft.entities[name];
    if (!before && after) changes.push({ name, kind: 'added', added: after.fields.map((field) => field.name), removed: [], changed: [] });
    else if (before && !after) changes.push({ name, kind: 'removed', added: [], removed: before.fields.map((field) => field.name), changed: [] });
    else if (before && after && JSON.stringify(before) !== JSON.stringify(after)) {
      const liveNameOf = (field: { name: string; renamedFrom?: string }): string => (before.fields.some((candidate) => candidate.name === field.renamedFrom) ? (field.renamedFrom as string) : field.name);
      const kept = new Set(after.fields.map(liveNameOf));
      changes.push({
        name,
        kind: 'changed',
        added: after.fields.filter((field) => !before.fields.some((candidate) => candidate.name === liveNameOf(field))).map((field) => field.name),
        removed: before.fields.filter((field) => !kept.has(field.name)).map((field) => field.name),
        changed: after.fields
          .filter((field) => {
            const previous = before.fields.find((candidate) => candidate.name === liveNameOf(field));
            return previous !== undefined && JSON.stringify(previous) !== JSON.stringify({ ...field, renamedFrom: undefined });
          })
          .map((field) => (liveNameOf(field) === field.name ? field.name : `${liveNameOf(field)} → ${field.name}`)),
      });
    }
  }
  return changes;
}

export function ChangesPage() {
  const { t, text } = useI18n();
  const studio = useStudio();
  const changes = changesOf(studio.live.bundle, studio.draft);
  const otherDocuments = (['layouts', 'processes', 'permissions', 'reports'] as const).filter((key) => JSON.stringify(studio.live.bundle[key] ?? {}) !== JSON.stringify(studio.draft[key] ?? {}));
  return (
    <div className="page">
      <h1>{t('changes.title')}</h1>
      {changes.length === 0 && otherDocuments.length === 0 ? (
        <p className="muted">{t('changes.none')}</p>
      ) : (
        <ul className="changes">
          {changes.map((change) => (
            <li key={change.name} className="card">
              <h2>
                {change.kind === 'removed' ? text(studio.live.bundle.entities[change.name]?.label) : <Link href={`/entities/${change.name}`}>{text(studio.draft.entities[change.name]?.label)}</Link>}{' '}
                <span className={`badge ${change.kind === 'added' ? 'badge--brand' : change.kind === 'removed' ? 'badge--danger' : 'badge--warning'}`}>{t(change.kind === 'added' ? 'changes.added' : change.kind === 'removed' ? 'changes.removed' : 'changes.changed')}</span>
              </h2>
              <dl className="change-list">
                {change.added.length > 0 && (
                  <>
                    <dt>{t('changes.added')}</dt>
                    <dd>{change.added.join(', ')}</dd>
                  </>
                )}
                {change.removed.length > 0 && (
                  <>
                    <dt>{t('changes.removed')}</dt>
                    <dd>{change.removed.join(', ')}</dd>
                  </>
                )}
                {change.changed.length > 0 && (
                  <>
                    <dt>{t('changes.changed')}</dt>
                    <dd>{change.changed.join(', ')}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
          {otherDocuments.map((key) => (
            <li key={key} className="card">
              <h2>
                <code>{key}</code> <span className="badge badge--warning">{t('changes.changed')}</span>
              </h2>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="changes-plan">
        <h2 id="changes-plan">{t('publish.plan')}</h2>
        {studio.plan ? <PlanSteps plan={studio.plan} /> : <p className="muted">{t('publish.planning')}</p>}
      </section>
    </div>
  );
}
