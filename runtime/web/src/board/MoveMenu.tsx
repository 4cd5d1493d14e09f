// The keyboard way to move a card: a "Move to…" button opening a menu of the other columns
// (arrow keys move between them, Enter picks one, Escape closes and returns to the button).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n';

export interface MoveTarget {
  value: string;
  label: string;
}

export function MoveMenu({ title, targets, disabled, onMove }: { title: string; targets: MoveTarget[]; disabled: boolean; onMove(value: string): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="move-menu">
      <button
        ref={button}
        type="button"
        className="button button--quiet button--small move-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('board.moveCard', { title })}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        {t('board.moveTo')}
      </button>
      {open && (
        <ul id={menuId} ref={menu} className="move-menu__list" role="menu" aria-label={t('board.moveCard', { title })} onKeyDown={onKeyDown}>
          {targets.map((target) => (
            <li key={target.value} role="none">
              <button
                type="button"
                role="menuitem"
                className="move-menu__item"
                onClick={() => {
                  close();
                  onMove(target.value);
                }}
              >
                {target.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
