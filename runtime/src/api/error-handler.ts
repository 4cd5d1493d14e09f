// The one place errors become responses: `{ error: { code, message, details: [{ path, message }] } }`
// with the error's HTTP status. Typed Stagecraft errors speak for themselves; body-parser errors
// map to 400/413/415 (a body that does not inflate under its Content-Encoding is a 400 too);
// anything else is an internal error whose message is hidden in production — and a database
// error's message (it may quote SQL and values) is hidden everywhere. Stack traces are logged,
// never sent.
import { NotFoundError, StagecraftError, TooManyRequestsError, type ErrorCode, type Problem } from '@stagecraft/core';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DuplicateRecordError } from '../duplicates/duplicate-error';
import { originOf } from './request-actor';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Array<Pick<Problem, 'path' | 'message'> & { code?: string }> };
}

export interface ErrorHandlerOptions {
  isProduction: boolean;
  log?: (message: string, error: unknown) => void;
}

const BODY_PARSER_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'badRequest', message: 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'payloadTooLarge', message: 'The request body is too large' },
  'charset.unsupported': { status: 415, code: 'unsupportedMediaType', message: 'The request body uses an unsupported charset; send UTF-8' },
  'encoding.unsupported': { status: 415, code: 'unsupportedMediaType', message: 'The request body uses an unsupported content encoding' },
  'request.aborted': { status: 400, code: 'badRequest', message: 'The request was aborted' },
  'request.size.invalid': { status: 400, code: 'badRequest', message: 'The request body length does not match Content-Length' },
  'stream.encoding.set': { status: 500, code: 'internal', message: 'Internal error' },
};

const CLIENT_ERROR_CODES: Record<number, ErrorCode> = { 400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 409: 'conflict', 413: 'payloadTooLarge', 415: 'unsupportedMediaType', 429: 'tooManyRequests' };

/** body-parser wraps what it cannot read (e.g. zlib's "incorrect header check") as a 4xx http-error. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}

/** Sequelize's and the drivers' errors: their messages can carry SQL text and bound values. */
function isDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, sql, sqlMessage } = error as { name?: unknown; code?: unknown; sql?: unknown; sqlMessage?: unknown };
  return sql !== undefined || sqlMessage !== undefined || (typeof name === 'string' && name.startsWith('Sequelize')) || (typeof code === 'string' && (code.startsWith('SQLITE_') || code.startsWith('ER_')));
}

function bodyParserType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const type = (error as { type: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

export function errorBody(code: ErrorCode, message: string, details: readonly Problem[] = []): ErrorBody {
  return {
    error: {
      code,
      message,
      details: details.map((problem) => (problem.code ? { path: problem.path, message: problem.message, code: problem.code } : { path: problem.path, message: problem.message })),
    },
  };
}

export function createErrorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof StagecraftError) {
      const body = errorBody(error.code, error.message, error.details);
      // A likely duplicate also names its candidates (ids the writer may read) beside the details.
      response.status(error.status).json(error instanceof DuplicateRecordError ? { error: { ...body.error, candidates: error.candidates } } : body);
      return;
    }
    const parserError = BODY_PARSER_ERRORS[bodyParserType(error) ?? ''];
    if (parserError) {
      response.status(parserError.status).json(errorBody(parserError.code, parserError.message));
      return;
    }
    const clientStatus = clientErrorStatus(error);
    if (clientStatus !== undefined) {
      const known = CLIENT_ERROR_CODES[clientStatus];
      const status = known ? clientStatus : 400;
      response.status(status).json(errorBody(known ?? 'badRequest', status === 400 ? 'The request body could not be read (does it match its Content-Encoding and Content-Type?)' : 'The request could not be handled'));
      return;
    }
    // The request id middleware has set X-Request-Id, so a log line and a user's report meet.
    const requestId = String(response.getHeader('X-Request-Id') ?? originOf(request).requestId ?? '');
    log(`[stagecraft] internal error, request ${requestId}:`, error);
    const message = options.isProduction ? 'Internal error' : isDatabaseError(error) ? `Internal error: a database statement failed (see the server log, request ${requestId})` : `Internal error: ${error instanceof Error ? error.message : String(error)}`;
    response.status(500).json(errorBody('internal', message));
  };
}

/** Unknown API routes answer 404 in the error shape, not Express's HTML page. */
export const apiNotFound: RequestHandler = (request, _response, next) => {
  next(new NotFoundError(`There is no API route ${request.method} ${request.originalUrl.split('?')[0] ?? ''}`));
};
