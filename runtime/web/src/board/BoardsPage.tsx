// Every board the user may open (GET /api/boards), each a link named by its label or its entity.
import { useAsync } from '../api/use-async';
import { Link } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { metadata } from '../metadata/metadata';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import { boardApi } from './board-api';
import './board-strings';
import './board.css';

export function BoardsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const boards = useAsync(async (signal) => {
    const [list, entities] = await Promise.all([boardApi.list(signal), metadata.entities()]);
    return list.map((board) => {
      const entity = entities.find((candidate) => candidate.name === board.entity);
      const entityLabel = i18n.text(entity?.pluralLabel, board.entity);
      return { ...board, title: i18n.text(board.label, '') || `${entityLabel} · ${t('board.title')}`, entityLabel };
    });
  }, [i18n]);
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('board.boards')}</h1>
      </div>
      {boards.error !== undefined && <ErrorNotice error={boards.error} onRetry={boards.reload} />}
      {boards.loading && !boards.data && <Loading />}
      {boards.data && boards.data.length === 0 && <EmptyState title={t('board.noBoards')} />}
      {boards.data && boards.data.length > 0 && (
        <ul className="card-grid board-list">
          {boards.data.map((board) => (
            <li key={board.name}>
              <Link href={`/boards/${encodeURIComponent(board.name)}`} className="card card--link">
                <span className="card__title">{board.title}</span>
                <span className="muted small">{board.entityLabel}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
