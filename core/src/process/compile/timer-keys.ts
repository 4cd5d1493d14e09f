// Timer keys: stable names for durable timer rows, "<process>:<state path>:<timer>[:<reminder>]"
// (":" appears in no process, state or timer name). A firing comes back as the event
// `{ type: "stagecraft.timer", timer: key }`; inside the machine it is a per-key event type.

export type TimerKey = string;

/** The event type the runtime sends when a durable timer is due. */
export const TIMER_EVENT_TYPE = 'stagecraft.timer';

export function timerKeyOf(process: string, statePath: string, timer: string, reminder?: string): TimerKey {
  return [process, statePath, timer, ...(reminder === undefined ? [] : [reminder])].join(':');
}

/** The machine-internal event type a timer's transition listens to. */
export function timerMachineEventOf(key: TimerKey): string {
  return `${TIMER_EVENT_TYPE}:${key}`;
}
