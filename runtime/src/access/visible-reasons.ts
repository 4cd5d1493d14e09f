// Why a transition is blocked, as the reader may be told: a reason about a field the reader's
// policy hides, or from a condition that reads one ("amount <= 100000"), would say something of
// that field's value, so it becomes one neutral reason. The event still shows as not allowed —
// a disabled button cannot be hidden — but nothing says what the hidden value is.
import { resolveText, type LocalisedText, type TransitionReason } from '@stagecraft/core';

export const HIDDEN_CONDITION_CODE = 'hiddenCondition';
const HIDDEN_CONDITION_TEXT: LocalisedText = {
  en: 'A condition on information you cannot see is not met',
  'zh-CN': '一个涉及您无权查看的信息的条件未满足',
};

function isAboutHidden(reason: TransitionReason, hidden: ReadonlySet<string>): boolean {
  return [...(reason.fields ?? []), ...(reason.reads ?? [])].some((field) => hidden.has(field));
}

/** The reasons with every one about a hidden field replaced by a single neutral reason. */
export function visibleReasons(reasons: readonly TransitionReason[], hidden: ReadonlySet<string>, locale?: string): TransitionReason[] {
  if (hidden.size === 0) return [...reasons];
  const visible = reasons.filter((reason) => !isAboutHidden(reason, hidden));
  if (visible.length === reasons.length) return visible;
  return [...visible, { path: '', message: resolveText(HIDDEN_CONDITION_TEXT, locale), code: HIDDEN_CONDITION_CODE, text: HIDDEN_CONDITION_TEXT }];
}
