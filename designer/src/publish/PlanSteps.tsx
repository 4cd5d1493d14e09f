// A migration plan as an administrator reads it: one line per step with its flags — instant
// (metadata only on MariaDB), online (built while readers and writers go on), needs confirmation
// (retires or narrows) — and the refused changes with the planner's advice.
import type { MigrationPlan, MigrationStep } from '@stagecraft/core';
import { useI18n } from '../i18n/i18n';
import { stepText } from './plan-step-text';

function flagsOf(step: MigrationStep): Array<'instant' | 'online' | 'destructive'> {
  const flags: Array<'instant' | 'online' | 'destructive'> = [];
  if (step.destructive) flags.push('destructive');
  else if (step.kind === 'addColumn' || step.kind === 'renameColumn' || step.kind === 'restoreColumn' || step.kind === 'renameTable' || step.kind === 'createTable' || (step.kind === 'widenColumn' && step.algorithm === 'instant')) flags.push('instant');
  else flags.push('online');
  return flags;
}

export function PlanSteps({ plan }: { plan: MigrationPlan }) {
  const { t } = useI18n();
  if (plan.steps.length === 0 && plan.blocked.length === 0) return <p className="muted">{t('publish.noSteps')}</p>;
  return (
    <ol className="plan">
      {plan.steps.map((step, index) => (
        <li key={index} className={step.destructive ? 'plan__step plan__step--destructive' : 'plan__step'}>
          <span className="plan__text">{stepText(step, t)}</span>
          {flagsOf(step).map((flag) => (
            <span key={flag} className={`badge ${flag === 'destructive' ? 'badge--danger' : flag === 'instant' ? 'badge--success' : 'badge--brand'}`}>
              {t(flag === 'destructive' ? 'publish.destructive' : flag === 'instant' ? 'publish.instant' : 'publish.online')}
            </span>
          ))}
        </li>
      ))}
      {plan.blocked.map((problem, index) => (
        <li key={`blocked-${index}`} className="plan__step plan__step--blocked">
          <span className="badge badge--danger">{t('publish.blocked')}</span> <code>{problem.path}</code> {problem.message}
        </li>
      ))}
    </ol>
  );
}
