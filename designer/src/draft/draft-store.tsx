// The studio's working copy. It starts from the server's draft `studio` (or, with none, the live
// version's bundle); every edit is a new immutable bundle pushed on the undo stack and saved to the
// server draft shortly after (so a reload, or another administrator, sees it); after each save
// the server plans the draft against the live version, which yields the migration plan and the
// validators' problems. The draft of another administrator is picked up while this one has
// nothing unsaved.
import type { MetadataBundle, MigrationPlan } from '@stagecraft/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, type ProblemDetail } from '../api/client';
import { locatePlanProblems } from './problems';

export const DRAFT_NAME = 'studio';
const SAVE_DELAY_MS = 500;
const POLL_MS = 5000;
const MAX_UNDO = 100;

export interface VersionSummary {
  number: number;
  hash: string;
  author: string;
  message: string;
  createdAt: string;
  rolledBackFrom: number | null;
}

interface DraftAnswer {
  name: string;
  author: string;
  updatedAt: string;
  baseVersion: number | null;
  bundle: MetadataBundle;
}

export interface PlanAnswer {
  plan: MigrationPlan;
  planText: string;
}

export type SaveState = { status: 'clean' } | { status: 'pending' } | { status: 'saving' } | { status: 'saved'; author: string; at: string } | { status: 'error'; message: string };

export interface Studio {
  live: { version: number | null; bundle: MetadataBundle };
  draft: MetadataBundle;
  /** The live version this draft started from (another publish since then makes it outdated). */
  baseVersion: number | null;
  save: SaveState;
  /** Problems of the draft (validators and planner), by JSON path into the bundle. */
  problems: ProblemDetail[];
  plan: MigrationPlan | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Another administrator's draft was loaded over this one: who and when. */
  takenOver: { author: string; at: string } | null;
  change(edit: (bundle: MetadataBundle) => void): void;
  undo(): void;
  redo(): void;
  discard(): Promise<void>;
  /** Saves what is pending at once (before publishing). */
  flush(): Promise<void>;
  reload(): Promise<void>;
}

const StudioContext = createContext<Studio | undefined>(undefined);

async function loadLive(): Promise<{ version: number | null; bundle: MetadataBundle }> {
  const versions = await api.get<{ data: VersionSummary[]; live: number | null }>('/api/metadata/versions');
  if (versions.live === null) return { version: null, bundle: { packs: [], entities: {}, layouts: {}, processes: {}, permissions: {}, reports: {} } };
  const version = await api.get<{ bundle: MetadataBundle }>(`/api/metadata/versions/${versions.live}`);
  return { version: versions.live, bundle: version.bundle };
}

async function loadDraft(): Promise<DraftAnswer | null> {
  // Asked through the list first, so a studio without a draft starts without a failed request.
  const drafts = await api.get<{ data: Array<{ name: string }> }>('/api/metadata/drafts');
  if (!drafts.data.some((draft) => draft.name === DRAFT_NAME)) return null;
  try {
    return await api.get<DraftAnswer>(`/api/metadata/drafts/${DRAFT_NAME}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function StudioProvider({ initial, children }: { initial: { live: Studio['live']; draft: DraftAnswer | null }; children: ReactNode }) {
  const [live, setLive] = useState(initial.live);
  const [draft, setDraft] = useState<MetadataBundle>(initial.draft?.bundle ?? initial.live.bundle);
  const [baseVersion, setBaseVersion] = useState<number | null>(initial.draft ? initial.draft.baseVersion : initial.live.version);
  const [save, setSave] = useState<SaveState>(initial.draft ? { status: 'saved', author: initial.draft.author, at: initial.draft.updatedAt } : { status: 'clean' });
  const [past, setPast] = useState<readonly MetadataBundle[]>([]);
  const [future, setFuture] = useState<readonly MetadataBundle[]>([]);
  const [problems, setProblems] = useState<ProblemDetail[]>([]);
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [takenOver, setTakenOver] = useState<Studio['takenOver']>(null);
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<MetadataBundle | null>(null);
  const lastSavedAt = useRef<string | null>(initial.draft?.updatedAt ?? null);
  const hasDraft = useRef(initial.draft !== null);

  const planDraft = useCallback(async (bundle: MetadataBundle) => {
    try {
      const answer = await api.post<PlanAnswer>('/api/metadata/plan', { bundle });
      setPlan(answer.plan);
      setProblems(locatePlanProblems(bundle, answer.plan.blocked));
    } catch (error) {
      setPlan(null);
      setProblems(error instanceof ApiError ? (error.details.length > 0 ? error.details : [{ path: '', message: error.message }]) : [{ path: '', message: String(error) }]);
    }
  }, []);

  const saveNow = useCallback(async () => {
    window.clearTimeout(timer.current);
    const bundle = pending.current;
    if (!bundle) return;
    pending.current = null;
    setSave({ status: 'saving' });
    try {
      const saved = await api.put<DraftAnswer>(`/api/metadata/drafts/${DRAFT_NAME}`, { bundle });
      hasDraft.current = true;
      lastSavedAt.current = saved.updatedAt;
      if (!pending.current) setSave({ status: 'saved', author: saved.author, at: saved.updatedAt });
    } catch (error) {
      setSave({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    await planDraft(bundle);
  }, [planDraft]);

  const schedule = useCallback(
    (bundle: MetadataBundle) => {
      pending.current = bundle;
      setSave({ status: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    },
    [saveNow],
  );

  // The current bundle and stacks live in refs too, so an edit never runs side effects inside a state updater.
  const current = useRef(draft);
  const undoStack = useRef<MetadataBundle[]>([]);
  const redoStack = useRef<MetadataBundle[]>([]);
  const show = useCallback((bundle: MetadataBundle) => {
    current.current = bundle;
    setDraft(bundle);
    setPast(undoStack.current);
    setFuture(redoStack.current);
  }, []);

  const change = useCallback(
    (edit: (bundle: MetadataBundle) => void) => {
      const next = structuredClone(current.current);
      edit(next);
      undoStack.current = [...undoStack.current.slice(-MAX_UNDO + 1), current.current];
      redoStack.current = [];
      setTakenOver(null);
      show(next);
      schedule(next);
    },
    [schedule, show],
  );

  const undo = useCallback(() => {
    const previous = undoStack.current.at(-1);
    if (!previous) return;
    undoStack.current = undoStack.current.slice(0, -1);
    redoStack.current = [current.current, ...redoStack.current];
    show(previous);
    schedule(previous);
  }, [schedule, show]);

  const redo = useCallback(() => {
    const next = redoStack.current[0];
    if (!next) return;
    redoStack.current = redoStack.current.slice(1);
    undoStack.current = [...undoStack.current, current.current];
    show(next);
    schedule(next);
  }, [schedule, show]);

  /** Replaces the working copy from the server: the stacks start over. */
  const replace = useCallback(
    (bundle: MetadataBundle) => {
      undoStack.current = [];
      redoStack.current = [];
      show(bundle);
    },
    [show],
  );

  const reload = useCallback(async () => {
    window.clearTimeout(timer.current);
    pending.current = null;
    const [nextLive, nextDraft] = await Promise.all([loadLive(), loadDraft()]);
    setLive(nextLive);
    replace(nextDraft?.bundle ?? nextLive.bundle);
    setBaseVersion(nextDraft ? nextDraft.baseVersion : nextLive.version);
    hasDraft.current = nextDraft !== null;
    lastSavedAt.current = nextDraft?.updatedAt ?? null;
    setSave(nextDraft ? { status: 'saved', author: nextDraft.author, at: nextDraft.updatedAt } : { status: 'clean' });
    setTakenOver(null);
    await planDraft(nextDraft?.bundle ?? nextLive.bundle);
  }, [planDraft, replace]);

  const discard = useCallback(async () => {
    window.clearTimeout(timer.current);
    pending.current = null;
    if (hasDraft.current) await api.delete(`/api/metadata/drafts/${DRAFT_NAME}`).catch((error: unknown) => {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    });
    await reload();
  }, [reload]);

  // The first plan, and another administrator's saves picked up while nothing here is unsaved.
  useEffect(() => {
    void planDraft(initial.draft?.bundle ?? initial.live.bundle);
  }, [planDraft, initial]);
  useEffect(() => {
    const poll = window.setInterval(() => {
      if (pending.current || document.hidden) return;
      void loadDraft().then((found) => {
        if (!found || found.updatedAt === lastSavedAt.current || pending.current) return;
        lastSavedAt.current = found.updatedAt;
        hasDraft.current = true;
        replace(found.bundle);
        setBaseVersion(found.baseVersion);
        setSave({ status: 'saved', author: found.author, at: found.updatedAt });
        setTakenOver({ author: found.author, at: found.updatedAt });
        void planDraft(found.bundle);
      }, () => undefined);
    }, POLL_MS);
    return () => window.clearInterval(poll);
  }, [planDraft, replace]);

  const value = useMemo<Studio>(
    () => ({ live, draft, baseVersion, save, problems, plan, canUndo: past.length > 0, canRedo: future.length > 0, takenOver, change, undo, redo, discard, flush: saveNow, reload }),
    [live, draft, baseVersion, save, problems, plan, past.length, future.length, takenOver, change, undo, redo, discard, saveNow, reload],
  );
  return <StudioContext.Provider value={value}>{children}</StudioContext.Provider>;
}

export function useStudio(): Studio {
  const value = useContext(StudioContext);
  if (!value) throw new Error('useStudio outside StudioProvider');
  return value;
}

export async function loadStudio(): Promise<{ live: Studio['live']; draft: DraftAnswer | null }> {
  const [live, draft] = await Promise.all([loadLive(), loadDraft()]);
  return { live, draft };
}
