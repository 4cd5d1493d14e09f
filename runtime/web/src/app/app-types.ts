// The contracts between the shell and the screens that plug into it.
import type { ComponentType, ReactNode } from 'react';
import type { EntitySummary, LayoutDocument, Me, ReportSummary } from '../api/types';
import type { I18n } from '../i18n/i18n';

export interface AppRoute {
  /** A path pattern such as "/boards/:name" (named segments arrive decoded in `params`). */
  pattern: string;
  render(params: Record<string, string>): ReactNode;
}

export interface NavItem {
  href: string;
  label: string;
  /** Which group of the side navigation it sits in. */
  group: 'records' | 'insights';
  /** Optional small text after the label (e.g. an unread count). */
  badge?: string;
  /** The entity's colour, shown as a dot before the label. */
  color?: string;
  /** The entity's named icon, drawn before the label. */
  icon?: string;
}

/** What navigation contributors are given: the metadata the signed-in user may see. */
export interface NavContext {
  me: Me;
  entities: EntitySummary[];
  layouts: LayoutDocument[];
  reports: ReportSummary[];
  i18n: I18n;
}

export type NavContributor = (context: NavContext) => NavItem[];

/** A component shown in the top bar (e.g. the notifications bell). */
export type HeaderWidget = ComponentType;
