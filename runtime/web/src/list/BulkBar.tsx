// Acting on the selected rows: reassigning them to another user (the record API's handover,
// which also carries the related records the entity's metadata names). Partial failures are
// reported with the server's reason.
import { useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { plainError } from '../ui/feedback';
import { ReferencePicker } from '../ui/ReferencePicker';
import { useToast } from '../ui/toast';

interface BulkBarProps {
  entity: string;
  selected: Set<string>;
  onDone(): void;
}

export function BulkBar({ entity, selected, onDone }: BulkBarProps) {
  const { t } = useI18n();
  const toast = useToast();
  const [owner, setOwner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reassign = async () => {
    if (!owner) return;
    setBusy(true);
    const ids = [...selected];
    const results = await Promise.allSettled(ids.map((id) => api.post(`/api/records/${encodeURIComponent(entity)}/${encodeURIComponent(id)}/reassign`, { owner })));
    const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    const done = ids.length - failed.length;
    if (done > 0) toast(t('list.reassignDone', { count: done }));
    if (failed.length > 0) toast(t('list.reassignFailed', { count: failed.length, reason: plainError(failed[0]?.reason, t) }), 'error');
    setBusy(false);
    setOwner(null);
    onDone();
  };
  return (
    <div className="bulk-bar" role="region" aria-label={t('list.selected', { count: selected.size })}>
      <strong>{t('list.selected', { count: selected.size })}</strong>
      <div className="bulk-bar__picker">
        <ReferencePicker entity="user" value={owner} onChange={(id) => setOwner(id)} ariaLabel={t('list.reassignTo')} placeholder={t('list.reassign')} />
      </div>
      <button type="button" className="button button--primary button--small" disabled={!owner || busy} onClick={() => void reassign()}>
        {t('list.apply')}
      </button>
    </div>
  );
}
