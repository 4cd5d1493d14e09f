// The record's timeline: activities logged against it, its field changes and its transitions,
// newest first, each with who and when.
import { api } from '../api/client';
import type { EntityDocument, FieldDefinition, HistoryEntry, RecordData, RecordPage } from '../api/types';
import { useAsync } from '../api/use-async';
import { recordHref } from '../app/hrefs';
import { Link } from '../app/router';
import { useI18n, type I18n } from '../i18n/i18n';
import { metadata, processFor } from '../metadata/metadata';
import { referenceTarget } from '../metadata/entity-info';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import { fieldText } from '../ui/FieldValue';
import { activityLinkOf, fieldChangesOf, mergeTimeline, transitionOf, type TimelineItem } from './timeline-items';

const HISTORY_PAGE = 200;
const ACTIVITIES = 50;
const SHOWN_CHANGES = 4;

function changeText(field: FieldDefinition | undefined, name: string, change: { before: unknown; after: unknown }, i18n: I18n): string {
  if (!field) return name;
  const label = i18n.text(field.label, name);
  // Ids say nothing to a reader: a reference change names the field only.
  if (referenceTarget(field)) return label;
  return `${label}: ${fieldText(field, change.before, i18n)} → ${fieldText(field, change.after, i18n)}`;
}

function HistoryLine({ entry, entity, stageLabel, i18n }: { entry: HistoryEntry; entity: EntityDocument; stageLabel(name: string | null): string; i18n: I18n }) {
  const { t } = i18n;
  const fields = new Map(entity.fields.map((field) => [field.name, field]));
  const transition = transitionOf(entry);
  let summary: string;
  let details: string[] = [];
  // An event the process takes without changing stage (e.g. an activity restarting a timer).
  const stayed = transition !== undefined && transition.from === transition.to;
  if (transition && stayed) summary = t('record.stayed', { event: transition.event, stage: stageLabel(transition.to) });
  else if (transition) summary = t('record.transition', { stage: stageLabel(transition.to) });
  else if (entry.action === 'create') summary = t('record.created');
  else if (entry.action === 'delete') summary = t('record.deleted');
  else if (entry.action === 'reassign') summary = t('record.reassigned');
  else {
    summary = t('record.updated');
    details = fieldChangesOf(entry).map(([name, change]) => changeText(fields.get(name), name, change, i18n));
  }
  const more = details.length > SHOWN_CHANGES ? ` +${details.length - SHOWN_CHANGES}` : '';
  return (
    <>
      <p className="timeline__text">
        <strong>{entry.actorUsername ?? t('record.system')}</strong> {summary}
        {transition && !stayed && transition.from && <span className="muted"> ({stageLabel(transition.from)} → {stageLabel(transition.to)})</span>}
      </p>
      {details.length > 0 && (
        <ul className="timeline__changes">
          {details.slice(0, SHOWN_CHANGES).map((line) => (
            <li key={line}>{line}</li>
          ))}
          {more && <li className="muted">{more}</li>}
        </ul>
      )}
    </>
  );
}

export function Timeline({ entity, id, version }: { entity: EntityDocument; id: string; version: number }) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const state = useAsync(
    async (signal) => {
      const activityEntity = await metadata.entity('activity').catch(() => undefined);
      const link = entity.name === 'activity' ? undefined : activityLinkOf(activityEntity, entity.name);
      const process = await processFor(entity.name);
      const [history, activities, processDetail] = await Promise.all([
        api.get<{ data: HistoryEntry[] }>(`/api/records/${encodeURIComponent(entity.name)}/${encodeURIComponent(id)}/history`, { pageSize: HISTORY_PAGE }, signal),
        link ? api.get<RecordPage>('/api/records/activity', { filter: JSON.stringify([{ field: link, op: 'eq', value: id }]), pageSize: ACTIVITIES, sort: '-createdAt', count: 'false' }, signal) : Promise.resolve(undefined),
        process ? metadata.process(process.name) : Promise.resolve(undefined),
      ]);
      return { items: mergeTimeline(history.data, activities?.data ?? []), activityEntity, processDetail };
    },
    [entity.name, id, version],
  );
  const stageLabel = (name: string | null) => text(state.data?.processDetail?.states.find((stage) => stage.name === name || stage.path === name)?.label, name ?? '');
  const activityType = (activity: RecordData) => {
    const field = state.data?.activityEntity?.fields.find((candidate) => candidate.name === 'type');
    return field ? fieldText(field, activity.type, i18n) : t('record.activity');
  };
  const render = (item: TimelineItem) =>
    item.kind === 'history' ? (
      <HistoryLine entry={item.entry} entity={entity} stageLabel={stageLabel} i18n={i18n} />
    ) : (
      <p className="timeline__text">
        <span className="badge">{activityType(item.activity)}</span>{' '}
        <Link href={recordHref.view('activity', item.activity.id)}>{String(item.activity.subject ?? item.activity.id)}</Link>
        {item.activity.done === true && <span className="muted"> ✓</span>}
      </p>
    );
  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="panel__title">
        {t('record.timeline')}
      </h2>
      {state.error !== undefined && <ErrorNotice error={state.error} onRetry={state.reload} />}
      {!state.data && state.loading && <Loading inline />}
      {state.data && state.data.items.length === 0 && <EmptyState title={t('record.timelineEmpty')} />}
      {state.data && state.data.items.length > 0 && (
        <ol className="timeline__list">
          {state.data.items.map((item) => (
            <li key={item.key} className={`timeline__item timeline__item--${item.kind === 'activity' ? 'activity' : (item.entry.action ?? 'update')}`}>
              <span className="timeline__dot" aria-hidden="true" />
              <div className="timeline__content">
                {render(item)}
                <time className="timeline__time" dateTime={item.at}>
                  {item.at.length > 10 ? i18n.dateTime(item.at) : i18n.date(item.at)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
