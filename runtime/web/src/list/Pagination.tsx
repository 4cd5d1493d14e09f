// Server-side paging: the range shown, the total, previous/next and the page size.
import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { PAGE_SIZES } from './list-state';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number | undefined;
  shown: number;
  onPage(page: number): void;
  onPageSize(size: number): void;
}

export function Pagination({ page, pageSize, total, shown, onPage, onPageSize }: PaginationProps) {
  const { t, number } = useI18n();
  const id = useId();
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  const from = shown === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + shown;
  return (
    <nav className="pagination" aria-label={t('list.page', { page, pages: pages ?? '?' })}>
      <span className="pagination__range" aria-live="polite">
        {total === undefined ? `${number(from)}–${number(to)}` : t('list.range', { from: number(from), to: number(to), total: number(total) })}
      </span>
      <div className="row">
        <label htmlFor={id} className="small muted">
          {t('list.pageSize')}
        </label>
        <select id={id} className="input input--compact" value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
        <button type="button" className="button button--small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          {t('list.previous')}
        </button>
        <span className="small">{t('list.page', { page: number(page), pages: pages === undefined ? '?' : number(pages) })}</span>
        <button type="button" className="button button--small" onClick={() => onPage(page + 1)} disabled={pages !== undefined ? page >= pages : shown < pageSize}>
          {t('list.next')}
        </button>
      </div>
    </nav>
  );
}
