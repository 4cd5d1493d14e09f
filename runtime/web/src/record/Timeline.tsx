// The record's timeline: activities logged against it, its field changes and its transitions,
// newest first, each with who and when; a page at a time, older pages on request.
import { useEffect, useState } from 'react';
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
import { activityLinkOf, fieldChangesOf, loadedTimeline, transitionOf, type TimelineItem } from './timeline-items';

const PAGE = 50;

/** What the pages loaded so far hold, and whether each source has older entries. */
interface Loaded {
  history: HistoryEntry[];
  activities: RecordData[];
  historyPage: number;
  activityPage: number;
  hasOlderHistory: boolean;
  hasOlderActivities: boolean;
}
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
  const historyPath = `/api/records/${encodeURIComponent(entity.name)}/${encodeURIComponent(id)}/history`;
  const state = useAsync(
    async () => {
      const activityEntity = await metadata.entity('activity').catch(() => undefined);
      const link = entity.name === 'activity' ? undefined : activityLinkOf(activityEntity, entity.name);
      const process = await processFor(entity.name);
      const processDetail = process ? await metadata.process(process.name) : undefined;
      return { activityEntity, link, processDetail };
    },
    [entity.name],
  );
  const link = state.data?.link;
  const isReady = state.data !== undefined;
  const historyPage = (page: number, signal?: AbortSignal) => api.get<{ data: HistoryEntry[] }>(historyPath, { order: 'newestFirst', page, pageSize: PAGE }, signal);
  const activityPage = (page: number, signal?: AbortSignal) =>
    link ? api.get<RecordPage>('/api/records/activity', { filter: JSON.stringify([{ field: link, op: 'eq', value: id }]), page, pageSize: PAGE, sort: '-createdAt', count: 'false' }, signal) : Promise.resolve(undefined);
  const first = useAsync(
    async (signal): Promise<Loaded | undefined> => {
      if (!isReady) return undefined;
      const [history, activities] = await Promise.all([historyPage(1, signal), activityPage(1, signal)]);
      return { history: history.data, activities: activities?.data ?? [], historyPage: 1, activityPage: 1, hasOlderHistory: history.data.length === PAGE, hasOlderActivities: (activities?.data.length ?? 0) === PAGE };
    },
    [historyPath, isReady, link, version],
  );
  // Older pages loaded on request, dropped whenever the first page loads again (the record changed).
  const [older, setOlder] = useState<Loaded>();
  const [olderError, setOlderError] = useState<unknown>();
  const [isLoadingOlder, setLoadingOlder] = useState(false);
  useEffect(() => setOlder(undefined), [first.data]);
  const loaded = older ?? first.data;
  const loadOlder = async () => {
    if (!loaded) return;
    setLoadingOlder(true);
    setOlderError(undefined);
    try {
      const [history, activities] = await Promise.all([
        loaded.hasOlderHistory ? historyPage(loaded.historyPage + 1) : Promise.resolve(undefined),
        loaded.hasOlderActivities ? activityPage(loaded.activityPage + 1) : Promise.resolve(undefined),
      ]);
      setOlder({
        history: [...loaded.history, ...(history?.data ?? [])],
        activities: [...loaded.activities, ...(activities?.data ?? [])],
        historyPage: loaded.historyPage + (history ? 1 : 0),
        activityPage: loaded.activityPage + (activities ? 1 : 0),
        hasOlderHistory: history ? history.data.length === PAGE : false,
        hasOlderActivities: activities ? activities.data.length === PAGE : false,
      });
    } catch (error) {
      setOlderError(error);
    } finally {
      setLoadingOlder(false);
    }
  };
  const items = loaded ? loadedTimeline(loaded.history, loaded.activities, loaded.hasOlderHistory) : undefined;
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
      {(state.error ?? first.error) !== undefined && <ErrorNotice error={state.error ?? first.error} onRetry={() => { state.reload(); first.reload(); }} />}
      {!items && (state.loading || first.loading) && <Loading inline />}
      {items && items.length === 0 && <EmptyState title={t('record.timelineEmpty')} />}
      {items && items.length > 0 && (
        <ol className="timeline__list">
          {items.map((item) => (
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
      {olderError !== undefined && <ErrorNotice error={olderError} />}
      {loaded && (loaded.hasOlderHistory || loaded.hasOlderActivities) && (
        <button type="button" className="button button--quiet button--small timeline__older" disabled={isLoadingOlder} onClick={() => void loadOlder()}>
          {isLoadingOlder ? t('record.loadingOlder') : t('record.showOlder')}
        </button>
      )}
    </section>
  );
}
