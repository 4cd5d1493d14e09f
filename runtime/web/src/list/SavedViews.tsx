// Saved views: a user's named filter + sort + search combinations per entity, kept on the server
// (/api/views, so they follow the user to any browser). Pick one, save the current list as a
// new view, update or delete the picked one.
import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { plainError } from '../ui/feedback';
import { useToast } from '../ui/toast';
import type { SavedViewDefinition } from './list-state';

export interface SavedView {
  id: string;
  entity: string;
  name: string;
  definition: SavedViewDefinition;
}

export interface SavedViewsState {
  list: SavedView[];
  save(name: string, definition: SavedViewDefinition): Promise<SavedView>;
  update(id: string, definition: SavedViewDefinition): Promise<void>;
  remove(id: string): Promise<void>;
}

export function useSavedViews(entity: string): SavedViewsState {
  const [list, setList] = useState<SavedView[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api.get<{ data: SavedView[] }>('/api/views', { entity }, controller.signal).then(
      (answer) => setList(answer.data),
      () => setList([]),
    );
    return () => controller.abort();
  }, [entity]);
  const save = useCallback(
    async (name: string, definition: SavedViewDefinition) => {
      const view = await api.post<SavedView>('/api/views', { entity, name, definition });
      setList((current) => [...current, view].sort((a, b) => a.name.localeCompare(b.name)));
      return view;
    },
    [entity],
  );
  const update = useCallback(async (id: string, definition: SavedViewDefinition) => {
    const view = await api.patch<SavedView>(`/api/views/${encodeURIComponent(id)}`, { definition });
    setList((current) => current.map((candidate) => (candidate.id === id ? view : candidate)));
  }, []);
  const remove = useCallback(async (id: string) => {
    await api.delete(`/api/views/${encodeURIComponent(id)}`);
    setList((current) => current.filter((candidate) => candidate.id !== id));
  }, []);
  return { list, save, update, remove };
}

interface SavedViewsProps {
  views: SavedViewsState;
  activeId: string | undefined;
  current: SavedViewDefinition;
  /** A view was picked (undefined: the default view). */
  onPick(id: string | undefined, definition: SavedViewDefinition | undefined): void;
}

export function SavedViews({ views, activeId, current, onPick }: SavedViewsProps) {
  const { t } = useI18n();
  const toast = useToast();
  const selectId = useId();
  const nameId = useId();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const active = views.list.find((view) => view.id === activeId);

  const saveNew = async () => {
    setError(undefined);
    try {
      const view = await views.save(name.trim(), current);
      setNaming(false);
      setName('');
      toast(t('list.viewSaved', { name: view.name }));
      onPick(view.id, view.definition);
    } catch (failure) {
      setError(plainError(failure, t));
    }
  };

  return (
    <div className="saved-views">
      <label htmlFor={selectId} className="visually-hidden">
        {t('list.views')}
      </label>
      <select
        id={selectId}
        className="input saved-views__select"
        value={active?.id ?? ''}
        onChange={(event) => {
          const view = views.list.find((candidate) => candidate.id === event.target.value);
          onPick(view?.id, view?.definition);
        }}
      >
        <option value="">{t('list.defaultView')}</option>
        {views.list.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </select>
      {active && (
        <>
          <button type="button" className="button button--small" onClick={() => void views.update(active.id, current).then(() => toast(t('list.viewSaved', { name: active.name })), (failure: unknown) => toast(plainError(failure, t), 'error'))}>
            {t('list.saveView')}
          </button>
          <button type="button" className="button button--quiet button--small button--danger" onClick={() => void views.remove(active.id).then(() => onPick(undefined, undefined))}>
            {t('list.deleteView')}
          </button>
        </>
      )}
      {naming ? (
        <form
          className="saved-views__form"
          onSubmit={(event) => {
            event.preventDefault();
            void saveNew();
          }}
        >
          <label htmlFor={nameId} className="visually-hidden">
            {t('list.viewName')}
          </label>
          <input id={nameId} className="input" placeholder={t('list.viewName')} value={name} onChange={(event) => setName(event.target.value)} autoFocus maxLength={120} />
          <button type="submit" className="button button--small" disabled={name.trim() === ''}>
            {t('app.save')}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setNaming(false)}>
            {t('app.cancel')}
          </button>
          {error && (
            <span className="field__error" role="alert">
              {error}
            </span>
          )}
        </form>
      ) : (
        <button type="button" className="button button--small" onClick={() => setNaming(true)}>
          {t('list.saveViewAs')}
        </button>
      )}
    </div>
  );
}
