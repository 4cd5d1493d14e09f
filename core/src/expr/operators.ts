// The binary and unary operators. Arithmetic over null gives null (an empty field makes an empty
// formula, not NaN); division by zero and overflow give null too.
import type { BinaryOperator, UnaryOperator } from './ast';
import { failEvaluation } from './expression-error';
import { compareValues, describeValue, finiteOrNull, isTruthy, toNumberOrNull, toText, valuesEqual } from './values';

type Arithmetic = (left: number, right: number) => number;

const ARITHMETIC: Readonly<Record<'-' | '*' | '/' | '%', Arithmetic>> = {
  '-': (left, right) => left - right,
  '*': (left, right) => left * right,
  '/': (left, right) => left / right,
  '%': (left, right) => left % right,
};

function arithmetic(operator: keyof typeof ARITHMETIC, left: unknown, right: unknown, position: number): number | null {
  const a = toNumberOrNull(left, `Operator '${operator}'`, position);
  const b = toNumberOrNull(right, `Operator '${operator}'`, position);
  if (a === null || b === null) return null;
  if ((operator === '/' || operator === '%') && b === 0) return null;
  return finiteOrNull(ARITHMETIC[operator](a, b));
}

/** `+` concatenates when either side is text (null then reads as ''), and adds otherwise. */
function plus(left: unknown, right: unknown, position: number): string | number | null {
  if (typeof left === 'string' || typeof right === 'string') {
    return toText(left, "Operator '+'", position) + toText(right, "Operator '+'", position);
  }
  const a = toNumberOrNull(left, "Operator '+'", position);
  const b = toNumberOrNull(right, "Operator '+'", position);
  return a === null || b === null ? null : finiteOrNull(a + b);
}

function isIn(needle: unknown, haystack: unknown, position: number): boolean {
  if (haystack === null || haystack === undefined) return false;
  if (!Array.isArray(haystack)) {
    return failEvaluation(`Operator 'in' expects an array on its right, got ${describeValue(haystack)}`, position);
  }
  return haystack.some((element: unknown) => valuesEqual(needle, element));
}

/** Any comparison involving null is false. */
function isOrdered(left: unknown, right: unknown, position: number, test: (order: number) => boolean): boolean {
  const order = compareValues(left, right, position);
  return order !== null && test(order);
}

export function applyBinaryOperator(operator: BinaryOperator, left: unknown, right: unknown, position: number): unknown {
  switch (operator) {
    case '+':
      return plus(left, right, position);
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(operator, left, right, position);
    case '==':
      return valuesEqual(left, right);
    case '!=':
      return !valuesEqual(left, right);
    case '<':
      return isOrdered(left, right, position, (order) => order < 0);
    case '<=':
      return isOrdered(left, right, position, (order) => order <= 0);
    case '>':
      return isOrdered(left, right, position, (order) => order > 0);
    case '>=':
      return isOrdered(left, right, position, (order) => order >= 0);
    case 'in':
      return isIn(left, right, position);
  }
}

export function applyUnaryOperator(operator: UnaryOperator, operand: unknown, position: number): unknown {
  if (operator === '!') return !isTruthy(operand);
  const number = toNumberOrNull(operand, `Operator '${operator}'`, position);
  if (number === null) return null;
  return operator === '-' ? finiteOrNull(-number) : number;
}
