// The guard and action registry: named, JSON-configured building blocks that process documents
// reference (like XState's `setup({ guards, actions })`). Built-ins and pack hooks share one shape
// and one key, so the runtime and the designer palette agree on what a name means.
import type { JsonSchema } from '../../compile/json-schema';
import type { EntityDocument } from '../../model/entity';
import type { LocalisedText } from '../../model/label';
import type { MetadataBundle } from '../../model/pack';
import type { Problem } from '../../model/problem';

/** A record as the runtime reads it: field name → value (system fields included). */
export type ProcessRecord = Readonly<Record<string, unknown>>;

export interface ProcessUser {
  id: string;
  roles: readonly string[];
}

/** What guards and parameter resolvers see for one step. Never persisted. */
export interface StepContext {
  record: ProcessRecord;
  user: ProcessUser;
  now: Date;
  /** The event being handled (absent while a process starts). */
  event?: { type: string; data?: Readonly<Record<string, unknown>> };
  /** A field's label on the process's entity (the field name when unknown), for localised reasons. */
  fieldLabel(field: string): LocalisedText;
}

export interface GuardVerdict {
  allowed: boolean;
  /** Why it is not allowed, shown next to a disabled button. */
  reason?: LocalisedText;
  /** The fields the reason is about, so a form can point at them. */
  fields?: readonly string[];
  /** Further fields the verdict depends on (a condition's operands): a reader who may not see one is not told why. */
  reads?: readonly string[];
}

/** What parameter checks may consult; absent parts are simply not checked. */
export interface ParamsCheckScope {
  /** The entity whose records run the process. */
  entity?: EntityDocument;
  bundle?: MetadataBundle;
}

interface RegistryEntry<Params> {
  key: string;
  label: LocalisedText;
  description?: LocalisedText;
  /** JSON Schema of `params`; checked when a process is compiled. */
  paramsSchema: JsonSchema;
  /** Rules beyond the schema (fields exist, expressions parse). Paths are relative to the params. */
  checkParams?(params: Params, scope: ParamsCheckScope): Problem[];
}

// Methods (not function properties) keep Params bivariant, so a guard with precise params fits
// the open registry; the schema check at compile time is what makes that narrowing sound.
export interface GuardDefinition<Params = Record<string, unknown>> extends RegistryEntry<Params> {
  /** Pure: the same params and context always give the same verdict. */
  evaluate(params: Params, context: StepContext): GuardVerdict;
}

/**
 * Where the runtime runs an action's effect: inside the transition's database transaction
 * (record writes) or from the outbox after commit, with retries (e-mail, webhooks, other records).
 */
export type EffectDelivery = 'transaction' | 'outbox';

export interface ActionDefinition<Params = Record<string, unknown>> extends RegistryEntry<Params> {
  delivery: EffectDelivery;
  /**
   * Pure: turns configured params into what the runtime executes (expressions evaluated, field
   * references read), so effects carry plain values. Throws an ExpressionError when one fails.
   */
  resolveParams?(params: Params, context: StepContext): Record<string, unknown>;
  /** The record after the effect, for effects that change it (later actions and simulations see it). */
  applyToRecord?(resolvedParams: Record<string, unknown>, record: ProcessRecord): ProcessRecord;
}

export interface ProcessRegistry {
  guards: Readonly<Record<string, GuardDefinition>>;
  actions: Readonly<Record<string, ActionDefinition>>;
}
