// The list's search field (the API's `q` over the entity's search fields), sent after a pause.
import { useEffect, useId, useState } from 'react';

const TYPING_DELAY_MS = 300;

export function SearchBox({ value, label, placeholder, onSearch }: { value: string; label: string; placeholder: string; onSearch(value: string): void }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = window.setTimeout(() => onSearch(draft.trim()), TYPING_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, value, onSearch]);
  return (
    <div className="search-box" role="search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <svg className="search-box__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="9" cy="9" r="6" />
        <path d="M14 14l4 4" />
      </svg>
      <input id={id} type="search" className="input search-box__input" placeholder={placeholder} value={draft} onChange={(event) => setDraft(event.target.value)} />
    </div>
  );
}
