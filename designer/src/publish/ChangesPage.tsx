// The draft against the live version, entity by entity: entities and fields added, removed
// (retired on publish, restorable until then) and changed, other documents by name, with the plan
// the server computed for the draft so far. The same comparison serves any two versions.
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

/** Names of the documents of one kind added, removed or changed between two bundles. */
function documentChanges(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): Array<{ name: string; kind: 'added' | 'removed' | 'changed' }> {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name): Array<{ name: string; kind: 'added' | 'removed' | 'changed' }> => {
    if (!(name in before)) return [{ name, kind: 'added' as const }];
    if (!(name in after)) return [{ name, kind: 'removed' as const }];
    return JSON.stringify(before[name]) === JSON.stringify(after[name]) ? [] : [{ name, kind: 'changed' as const }];
  });
}

const KIND_BADGE = { added: 'badge--brand', removed: 'badge--danger', changed: 'badge--warning' } as const;

/** What changed from one bundle to another: entities field by field, other documents by name. */
export function BundleChanges({ before, after, linksToDraft = false }: { before: MetadataBundle; after: MetadataBundle; linksToDraft?: boolean }) {
  const { t, text } = useI18n();
  const changes = changesOf(before, after);
  const others = (['layouts', 'processes', 'permissions', 'reports'] as const).flatMap((key) => documentChanges(before[key] ?? {}, after[key] ?? {}).map((change) => ({ key, ...change })));
  if (changes.length === 0 && others.length === 0) return <p className="muted">{t('changes.none')}</p>;
  const badge = (kind: 'added' | 'removed' | 'changed') => <span className={`badge ${KIND_BADGE[kind]}`}>{t(kind === 'added' ? 'changes.added' : kind === 'removed' ? 'changes.removed' : 'changes.changed')}</span>;
  return (
    <ul className="changes">
      {changes.map((change) => {
        const label = text((change.kind === 'removed' ? before : after).entities[change.name]?.label) || change.name;
        return (
          <li key={change.name} className="card">
            <h2>
              {change.kind !== 'removed' && linksToDraft ? <Link href={`/entities/${change.name}`}>{label}</Link> : label} {badge(change.kind)}
            </h2>
            <dl className="change-list">
              {(['added', 'removed', 'changed'] as const).map((kind) =>
                change[kind].length > 0 ? (
                  <div key={kind}>
                    <dt>{t(kind === 'added' ? 'changes.added' : kind === 'removed' ? 'changes.removed' : 'changes.changed')}</dt>
                    <dd>{change[kind].join(', ')}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          </li>
        );
      })}
      {others.length > 0 && (
        <li className="card">
          <ul className="removed-list">
            {others.map((change) => (
              <li key={`${change.key}:${change.name}`}>
                <code>{change.key}</code> <code>{change.name}</code> {badge(change.kind)}
              </li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}

export function ChangesPage() {
  const { t } = useI18n();
  const studio = useStudio();
  return (
    <div className="page">
      <h1>{t('changes.title')}</h1>
      <BundleChanges before={studio.live.bundle} after={studio.draft} linksToDraft />
      <section className="card" aria-labelledby="changes-plan">
        <h2 id="changes-plan">{t('publish.plan')}</h2>
        {studio.plan ? <PlanSteps plan={studio.plan} /> : <p className="muted">{t('publish.planning')}</p>}
      </section>
    </div>
  );
}
