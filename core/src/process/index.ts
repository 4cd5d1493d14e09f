// Public entry of the pure workflow engine: process documents compiled to XState v5 machines with
// named guards and actions, and the step functions the runtime calls inside its transactions.
// Nothing here reads a clock, a database or the network. See README.md.
export { compileProcess, findProcessProblems, type CompileProcessOptions } from './compile/compile-process';
export { checkProcessCalls } from './compile/check-calls';
export type { CompiledCall, CompiledProcess, CompiledTimer, CompiledTransition, TransitionKind } from './compile/compiled-process';
export { TIMER_EVENT_TYPE, timerKeyOf, type TimerKey } from './compile/timer-keys';
export type { StateNodeInfo, StateTree } from './compile/state-tree';

export { startProcess, START_EVENT } from './engine/start-process';
export { stepProcess, isTimerFiredEvent, type TimerFiredEvent } from './engine/step-process';
export { availableTransitions, type AvailableTransition } from './engine/available-transitions';
export { simulateProcess, type SimulatedEvent, type SimulatedStep, type Simulation, type SimulationOptions } from './engine/simulate-process';
export { migrateSnapshot, type MigrationResult, type StateMapping } from './engine/migrate-snapshot';
export { retimeFieldTimers, timerDateFields, type RetimedTimers } from './engine/field-timers';
export { activeStatePaths, parseProcessSnapshot, stageOf, type ProcessSnapshot, type ProcessStateValue, type TimerClock } from './engine/process-snapshot';
export type { ProcessEvent, StepInput } from './engine/step-input';
export type { StepError, StepFailure, StepResult, StepSuccess, TimerOutcome } from './engine/step-result';
export type { Effect } from './engine/effects';
export type { EffectPhase } from './engine/machine-event';
export type { TransitionReason } from './engine/guard-evaluation';
export type { TimerInstructions, TimerPause, TimerToArm } from './engine/timer-ledger';

export { createProcessRegistry, type RegistryExtension } from './registry/create-registry';
export { BUILT_IN_GUARDS, type BuiltInGuardName } from './registry/guards';
export { BUILT_IN_ACTIONS, type BuiltInActionName } from './registry/actions';
export type * from './registry/guards';
export type * from './registry/actions';
export type {
  ActionDefinition, EffectDelivery, GuardDefinition, GuardVerdict, ParamsCheckScope, ProcessRecord, ProcessRegistry, ProcessUser, StepContext,
} from './registry/registry-types';
export { localisedMessage, MESSAGE_LOCALES, type MessageLocale, type MessageTemplates } from './registry/messages';
export { fillPlaceholders, placeholderFields } from './registry/message-placeholders';

export { addIsoDuration, parseIsoDuration, type IsoDuration } from './time/iso-duration';
export { addBusinessTime, businessTimeBetween, isOpenAt } from './time/business-calendar';
