// The shapes of the API answers the web app reads (see the README's API tables).
import type { FormLayout, LayoutDocument, ListLayout, LocalisedText, ResolvedEntity, ResolvedField } from '@stagecraft/core';

export type { FormLayout, LayoutDocument, ListLayout, LocalisedText };
/** The metadata API serves entities resolved: every field default filled by the server (core/src/resolve). */
export type EntityDocument = ResolvedEntity;
export type FieldDefinition = ResolvedField;

export interface EntitySummary {
  name: string;
  label: LocalisedText;
  title: string;
  pluralLabel: LocalisedText;
  displayField: string | null;
  color: string | null;
  icon: string | null;
  fields: number;
  relations: string[];
}

/** GET /api/metadata/entities/:name/permissions: whether the user may do each to some records. */
export type EntityPermissions = Record<'create' | 'read' | 'update' | 'delete' | 'transition' | 'import' | 'export', boolean>;

export interface PublicUser {
  id: string;
  username: string;
  displayName: string | null;
  email: string | null;
  locale: string | null;
  role: string | null;
  team: string | null;
  partnerAccount: string | null;
}

export interface Me {
  user: PublicUser;
  roles: string[];
  isAdmin: boolean;
  locale: string;
  csrfToken?: string;
}

export interface LoginAnswer {
  csrfToken: string;
  expiresAt: string | null;
  user: PublicUser;
}

export type RecordData = Record<string, unknown> & { id: string; version: number; createdAt: string; updatedAt: string };

export interface RecordPage {
  data: RecordData[];
  page: number;
  pageSize: number;
  total?: number;
}

export interface ReportSummary {
  name: string;
  label: LocalisedText;
  entity: string;
  chart?: string;
  description?: LocalisedText;
}

export interface ProcessSummary {
  name: string;
  entity: string;
  stageField: string;
  label: LocalisedText;
  initial: string;
}

export interface StateSummary {
  path: string;
  name: string;
  type: string;
  label: LocalisedText | null;
  guidance: LocalisedText | null;
  probability: number | null;
  parent: string | null;
}

export interface ProcessDetail {
  name: string;
  entity: string;
  stageField: string;
  document?: { label?: LocalisedText };
  states: StateSummary[];
}

export interface TransitionReason {
  path: string;
  message: string;
  code?: string;
  text?: Record<string, string>;
}

export interface AvailableTransition {
  event: string;
  label: string;
  labelText?: LocalisedText;
  target: string | null;
  allowed: boolean;
  reasons: TransitionReason[];
}

export interface TransitionsAnswer {
  process: string;
  state: unknown;
  stage: string | null;
  done: boolean;
  data: AvailableTransition[];
}

export interface HistoryEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entity: string;
  recordId: string;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  [key: string]: unknown;
}
