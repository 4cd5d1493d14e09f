// Problems and typed errors: validators return lists of problems; operations throw errors that
// carry a code, an HTTP status and the problems (each with the JSON path of what is wrong).

export interface Problem {
  /** JSON Pointer of the offending value, e.g. "/fields/3/type" or "/amount". "" means the whole input. */
  path: string;
  message: string;
  /** Machine-readable reason, e.g. "required", "enum", "unknownField", "duplicateName". */
  code?: string;
  /** Source file, when the problem comes from a document loaded from disk. */
  file?: string;
}

/** Formats a problem as `file: /path: message` for people and logs. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.path || '/'].filter(Boolean).join(': ');
  return `${where}: ${problem.message}`;
}

export type ErrorCode =
  | 'badRequest'
  | 'validationFailed'
  | 'notFound'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'payloadTooLarge'
  | 'unsupportedMediaType'
  | 'confirmationRequired'
  | 'duplicate'
  | 'tooManyRequests'
  | 'internal';

export class StagecraftError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Problem[];

  constructor(code: ErrorCode, status: number, message: string, details: Problem[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export class BadRequestError extends StagecraftError {
  constructor(message: string, details: Problem[] = []) {
    super('badRequest', 400, message, details);
  }
}
export class ValidationError extends StagecraftError {
  constructor(message: string, details: Problem[] = []) {
    super('validationFailed', 422, message, details);
  }
}
export class NotFoundError extends StagecraftError {
  constructor(message: string, details: Problem[] = []) {
    super('notFound', 404, message, details);
  }
}
export class ConflictError extends StagecraftError {
  constructor(message: string, details: Problem[] = []) {
    super('conflict', 409, message, details);
  }
}
export class ForbiddenError extends StagecraftError {
  constructor(message: string, details: Problem[] = []) {
    super('forbidden', 403, message, details);
  }
}
export class PayloadTooLargeError extends StagecraftError {
  constructor(message: string) {
    super('payloadTooLarge', 413, message);
  }
}
export class UnsupportedMediaTypeError extends StagecraftError {
  constructor(message: string) {
    super('unsupportedMediaType', 415, message);
  }
}
/** A destructive or narrowing change was asked for without an explicit confirmation. */
export class ConfirmationRequiredError extends StagecraftError {
  constructor(message: string, details: Problem[] = []) {
    super('confirmationRequired', 409, message, details);
  }
}
/** The request carries no valid credentials (no session, token, or a disabled user's). */
export class UnauthorizedError extends StagecraftError {
  constructor(message = 'Sign in first: this route needs a session cookie or a bearer token') {
    super('unauthorized', 401, message);
  }
}
/** Too many attempts; `retryAfterSeconds` becomes the Retry-After header. */
export class TooManyRequestsError extends StagecraftError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('tooManyRequests', 429, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
