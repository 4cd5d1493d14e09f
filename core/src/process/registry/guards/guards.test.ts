// The built-in guards: verdicts and localised reasons.
import type { StepContext } from '../registry-types';
import { BUILT_IN_GUARDS } from './index';

const LABELS: Record<string, { en: string; 'zh-CN': string }> = { amount: { en: 'Amount', 'zh-CN': '金额' }, closeDate: { en: 'Close date', 'zh-CN': '预计成交日期' } };

function contextOf(record: Record<string, unknown>, roles: string[] = ['salesRep']): StepContext {
  return { record, user: { id: 'u-1', roles }, now: new Date('2026-03-02T09:00:00Z'), fieldLabel: (field) => LABELS[field] ?? field };
}

describe('built-in guards', () => {
  const { expression, fieldsFilled, userHasRole } = BUILT_IN_GUARDS;

  it.each<[string, Record<string, unknown>, boolean]>([
    ['amount > 1000', { amount: 5000 }, true],
    ['amount > 1000', { amount: 10 }, false],
    ['amount > 1000', {}, false],
    ["'salesRep' in user.roles && user.id == 'u-1'", {}, true],
    ["closeDate >= today()", { closeDate: '2026-03-02' }, true],
    ["closeDate >= today()", { closeDate: '2026-03-01' }, false],
    ['len(name)', { name: '' }, false],
  ])('expression %s over %j allows: %s', (source, record, allowed) => {
    expect(expression.evaluate({ expression: source }, contextOf(record)).allowed).toBe(allowed);
  });

  it('explains a failed condition, with the configured message when given', () => {
    expect(expression.evaluate({ expression: 'amount > 1000' }, contextOf({ amount: 1 })).reason).toEqual({ en: 'The condition "amount > 1000" is not met', 'zh-CN': '条件“amount > 1000”不满足' });
    expect(expression.evaluate({ expression: 'amount > 1000', message: 'Too small' }, contextOf({ amount: 1 })).reason).toBe('Too small');
  });

  it('blocks, with the reason, when an expression cannot be evaluated', () => {
    const verdict = expression.evaluate({ expression: "amount * 'lots'" }, contextOf({ amount: 2 }));
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toMatchObject({ en: expect.stringContaining('could not be checked') });
  });

  it('fieldsFilled names the missing fields by label in every locale', () => {
    expect(fieldsFilled.evaluate({ fields: ['amount', 'closeDate'] }, contextOf({ amount: 0, closeDate: '2026-01-01' }))).toEqual({ allowed: true });
    const verdict = fieldsFilled.evaluate({ fields: ['amount', 'closeDate', 'tags'] }, contextOf({ amount: null, closeDate: '  ', tags: [] }));
    expect(verdict).toEqual({
      allowed: false,
      fields: ['amount', 'closeDate', 'tags'],
      reason: { en: 'Amount, Close date and tags must be filled', 'zh-CN': '必须填写金额、预计成交日期、tags' },
    });
  });

  it('userHasRole allows any of the roles', () => {
    expect(userHasRole.evaluate({ roles: ['admin', 'salesRep'] }, contextOf({})).allowed).toBe(true);
    expect(userHasRole.evaluate({ roles: ['admin'] }, contextOf({}))).toEqual({ allowed: false, reason: { en: 'Only a user with the role admin may do this', 'zh-CN': '仅限具有角色 admin 的用户操作' } });
  });
});
