// Evaluates a transition's guards for one step, with reasons: the registry guards it names and
// its implicit required fields (enter: the states it enters; leave: the active states it exits).
// The machine's guards call the same functions, so XState's choice and the reasons never disagree.
import { resolveText, type Locale, type LocalisedText } from '../../model/label';
import type { Problem } from '../../model/problem';
import type { CompiledProcess, CompiledTransition } from '../compile/compiled-process';
import { isInside, type StateNodeInfo } from '../compile/state-tree';
import { isFilled } from '../registry/filled';
import { localisedMessage } from '../registry/messages';
import type { GuardVerdict, ProcessRegistry, StepContext } from '../registry/registry-types';

/** Why a transition is blocked. `path` points at the field concerned ("/closeDate") when there is one. */
export interface TransitionReason extends Problem {
  /** The message in every shipped locale (`message` is the one for the requested locale). */
  text: LocalisedText;
  /** The guard that blocked ("requiredFields" for the implicit one). */
  guard?: string;
  /** The action whose params could not be prepared (error "actionFailed"); `path` is then its pointer in the process. */
  action?: string;
  fields?: readonly string[];
  /** Further fields the guard read (see GuardVerdict.reads). */
  reads?: readonly string[];
}

export interface TransitionVerdict {
  allowed: boolean;
  reasons: TransitionReason[];
}

export const REQUIRED_FIELDS_REASON = 'requiredFields';

export function evaluateGuardCall(registry: ProcessRegistry, name: string, params: Record<string, unknown>, context: StepContext): GuardVerdict {
  const definition = registry.guards[name];
  if (!definition) return { allowed: false, reason: `Unknown guard "${name}"` };
  return definition.evaluate(params, context);
}

/** Every reason the transition is blocked (all guards are evaluated, so the user sees them all at once). */
export function evaluateTransition(compiled: CompiledProcess, transition: CompiledTransition, context: StepContext, active: readonly string[], locale?: Locale): TransitionVerdict {
  const reasons: TransitionReason[] = [];
  for (const call of transition.guards) {
    const verdict = evaluateGuardCall(compiled.registry, call.name, call.params, context);
    if (verdict.allowed) continue;
    const text = verdict.reason ?? call.name;
    const [onlyField] = verdict.fields ?? [];
    reasons.push({
      path: verdict.fields?.length === 1 && onlyField !== undefined ? `/${onlyField}` : '',
      message: resolveText(text, locale), code: 'guardFailed', text, guard: call.name,
      ...(verdict.fields ? { fields: verdict.fields } : {}),
      ...(verdict.reads ? { reads: verdict.reads } : {}),
    });
  }
  reasons.push(...requiredFieldReasons(missingRequiredFields(transition, context, active, compiled), context, locale));
  return { allowed: reasons.length === 0, reasons };
}

export function requiredFieldReasons(missing: readonly MissingField[], context: StepContext, locale?: Locale): TransitionReason[] {
  return missing.map(({ field, state, moment }) => {
    const text = requiredFieldMessage(context.fieldLabel(field), state.definition.label ?? state.name, moment);
    return { path: `/${field}`, message: resolveText(text, locale), code: moment === 'enter' ? 'requiredToEnter' : 'requiredToLeave', text, guard: REQUIRED_FIELDS_REASON, fields: [field] };
  });
}

/** The fields a state requires to be entered that the record lacks (for the states a process starts in). */
export function missingFieldsToEnter(states: readonly StateNodeInfo[], context: StepContext): MissingField[] {
  return states.flatMap((state) => (state.definition.requiredFields?.enter ?? [])
    .filter((field) => !isFilled(context.record[field]))
    .map((field) => ({ field, state, moment: 'enter' as const })));
}

export interface MissingField {
  field: string;
  state: StateNodeInfo;
  moment: 'enter' | 'leave';
}

export function missingRequiredFields(transition: CompiledTransition, context: StepContext, active: readonly string[], compiled: CompiledProcess): MissingField[] {
  const scope = transition.scope;
  if (!scope) return [];
  const missing: MissingField[] = [];
  const check = (state: StateNodeInfo, moment: 'enter' | 'leave'): void => {
    for (const field of state.definition.requiredFields?.[moment] ?? []) {
      if (!isFilled(context.record[field])) missing.push({ field, state, moment });
    }
  };
  for (const path of active) {
    const state = compiled.tree.byPath.get(path);
    if (state && isInside(path, scope.domain)) check(state, 'leave');
  }
  for (const state of scope.entered) check(state, 'enter');
  return missing;
}

function requiredFieldMessage(field: LocalisedText, state: LocalisedText, moment: 'enter' | 'leave'): LocalisedText {
  return moment === 'enter'
    ? localisedMessage({ en: ({ text }) => `${text(field)} is required to enter ${text(state)}`, 'zh-CN': ({ text }) => `进入“${text(state)}”前必须填写“${text(field)}”` })
    : localisedMessage({ en: ({ text }) => `${text(field)} is required to leave ${text(state)}`, 'zh-CN': ({ text }) => `离开“${text(state)}”前必须填写“${text(field)}”` });
}
