// A refused step as the API's typed errors: an event the current state does not handle is a 409
// listing the events allowed now; blocked guards and failed actions are a 422 whose details are
// the engine's reasons (with the path of the field concerned when there is one).
import { ConflictError, resolveText, ValidationError, type CompiledProcess, type LocalisedText, type Problem, type StepFailure } from '@stagecraft/core';

export function stepFailureError(failure: StepFailure, processName: string, stateLabel: string): ConflictError | ValidationError {
  if (failure.error === 'notAllowed') {
    const allowed = failure.allowedEvents.length > 0 ? `allowed now: ${failure.allowedEvents.join(', ')}` : 'no event is allowed now';
    const details: Problem[] = failure.allowedEvents.length > 0
      ? failure.allowedEvents.map((event) => ({ path: '/event', message: event, code: 'allowedEvent' }))
      : [{ path: '/event', message: 'no event is allowed now', code: 'notAllowed' }];
    return new ConflictError(`The event "${failure.event}" is not allowed in the state ${stateLabel} of the process "${processName}"; ${allowed}`, details);
  }
  const details: Problem[] = failure.reasons.map((reason) => ({ path: reason.path, message: reason.message, code: reason.code ?? failure.error }));
  const what = failure.error === 'guardFailed' ? 'is blocked' : 'could not run its actions';
  return new ValidationError(`The event "${failure.event}" ${what}: ${failure.reasons.map((reason) => reason.message).join('; ')}`, details.length > 0 ? details : [{ path: '', message: failure.error, code: failure.error }]);
}

/** The active states' labels for messages, e.g. "Prospecting" (a state's path when it has no label). */
export function stateLabelOf(compiled: CompiledProcess, paths: readonly string[], locale?: string): string {
  const leaves = paths.filter((path) => !paths.some((other) => other.startsWith(`${path}.`)));
  return leaves.map((path) => {
    const label: LocalisedText | undefined = compiled.tree.byPath.get(path)?.definition.label;
    return `"${label === undefined ? path : resolveText(label, locale)}"`;
  }).join(' and ');
}
