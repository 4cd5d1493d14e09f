// compileProcess: a validated process document → the XState machine and the engine's tables.
// Every problem (shape, targets, timers, unknown guards and actions, bad params) is reported at
// once with its JSON Pointer, before anything runs.
import type { EntityDocument } from '../../model/entity';
import type { MetadataBundle } from '../../model/pack';
import { ValidationError, type Problem } from '../../model/problem';
import type { ProcessDocument } from '../../model/process';
import { checkProcessInBundle } from '../../validate/bundle-process-checks';
import { validateDocument } from '../../validate/document-validator';
import { evaluateGuardCall, missingRequiredFields } from '../engine/guard-evaluation';
import type { MachineEvent } from '../engine/machine-event';
import type { ProcessRegistry } from '../registry/registry-types';
import { checkProcessCalls } from './check-calls';
import { collectTransitions } from './collect-transitions';
import type { CompiledProcess, CompiledTimer, CompiledTransition } from './compiled-process';
import { createProcessMachine } from './machine-config';
import { buildStateTree } from './state-tree';

export interface CompileProcessOptions {
  /** The bundle the process belongs to: enables the cross-document checks and field labels in reasons. */
  bundle?: MetadataBundle;
}

/** Every problem that keeps the process from compiling; empty when it compiles. */
export function findProcessProblems(process: ProcessDocument, registry: ProcessRegistry, options: CompileProcessOptions = {}): Problem[] {
  const documentProblems = validateDocument(process).problems;
  if (documentProblems.length > 0) return documentProblems;
  const entity: EntityDocument | undefined = options.bundle?.entities[process.entity];
  return [
    ...(options.bundle ? checkProcessInBundle(process, options.bundle) : []),
    ...checkProcessCalls(process, registry, { ...(entity ? { entity } : {}), ...(options.bundle ? { bundle: options.bundle } : {}) }),
  ];
}

/** Compiles a process or throws a ValidationError listing every problem. */
export function compileProcess(process: ProcessDocument, registry: ProcessRegistry, options: CompileProcessOptions = {}): CompiledProcess {
  const problems = findProcessProblems(process, registry, options);
  if (problems.length > 0) throw new ValidationError(`The process "${process.name}" cannot be compiled`, problems);

  const tree = buildStateTree(process);
  const collected = collectTransitions(process, tree);
  const transitions = new Map<string, CompiledTransition>(collected.transitions.map((transition) => [transition.id, transition]));
  const timersByState = new Map<string, CompiledTimer[]>();
  for (const timer of collected.timers) timersByState.set(timer.state, [...(timersByState.get(timer.state) ?? []), timer]);

  const entity = options.bundle?.entities[process.entity];
  // The machine's guards close over `compiled`, which is complete before any guard can run.
  const compiled: CompiledProcess = {
    name: process.name,
    document: process,
    ...(entity ? { entity } : {}),
    registry,
    tree,
    transitions,
    timers: new Map(collected.timers.map((timer) => [timer.key, timer])),
    timersByState,
    machine: createProcessMachine({
      name: process.name,
      initial: process.initial,
      tree,
      transitions: collected.transitions,
      timersByState,
      registry,
      isGuardAllowed: (name, params, event) => event.step !== undefined && evaluateGuardCall(registry, name, params, event.step).allowed,
      areRequiredFieldsFilled: (transitionId, event) => requiredFieldsFilled(compiled, transitionId, event),
    }),
  };
  return compiled;
}

function requiredFieldsFilled(compiled: CompiledProcess, transitionId: string, event: MachineEvent): boolean {
  const transition = compiled.transitions.get(transitionId);
  if (!transition || !event.step) return false;
  return missingRequiredFields(transition, event.step, event.active ?? [], compiled).length === 0;
}
