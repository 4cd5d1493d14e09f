// Components every Stagecraft API document shares: the one error shape and its responses, and
// the list, record and header parameters.
import type { ErrorCode } from '../../model/problem';
import type { JsonSchema } from '../json-schema';
import type { OpenApiParameter, OpenApiReference, OpenApiResponse, OpenApiSecurityScheme } from './openapi-types';

/** Listed as a record so a new error code fails the build until it is documented here. */
const ERROR_CODES: Record<ErrorCode, true> = {
  badRequest: true, validationFailed: true, notFound: true, conflict: true, forbidden: true, unauthorized: true,
  payloadTooLarge: true, unsupportedMediaType: true, confirmationRequired: true, duplicate: true, tooManyRequests: true, internal: true,
};

export function schemaRef(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}
export function parameterRef(name: string): OpenApiReference {
  return { $ref: `#/components/parameters/${name}` };
}
export function responseRef(name: string): OpenApiReference {
  return { $ref: `#/components/responses/${name}` };
}

export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Every API error has this shape.',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_CODES) },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              path: { type: 'string', description: 'JSON Pointer of the offending value, e.g. "/amount".' },
              message: { type: 'string' },
              code: { type: 'string', description: 'Machine-readable reason, e.g. "required".' },
            },
            required: ['path', 'message'],
          },
        },
        candidates: {
          type: 'array',
          description: 'With code "duplicate" (409): the likely duplicates the writer may read; confirm with ?confirm=duplicate to create anyway.',
          items: { type: 'object', properties: { id: { type: 'string' }, label: { type: ['string', 'null'] }, matchedOn: { type: 'array', items: { type: 'string' } }, fields: { type: 'array', items: { type: 'string' } } }, required: ['id', 'matchedOn'] },
        },
      },
      required: ['code', 'message', 'details'],
    },
  },
  required: ['error'],
};

function errorResponse(description: string): OpenApiResponse {
  return { description, content: { 'application/json': { schema: schemaRef('Error') } } };
}

/** Error responses by status; operations reference them by these names. */
export const ERROR_RESPONSES = {
  BadRequest: errorResponse('Malformed request: bad JSON, unknown query parameter or field (400).'),
  NotFound: errorResponse('No such record or metadata document (404).'),
  Conflict: errorResponse('Version mismatch (If-Match), a unique value already taken, or a likely duplicate (code duplicate, with candidates) (409).'),
  PayloadTooLarge: errorResponse('The request body is too large (413).'),
  UnsupportedMediaType: errorResponse('The request body is not application/json (415).'),
  ValidationFailed: errorResponse('The record does not satisfy its entity schema; details list each problem (422).'),
  Unauthorized: errorResponse('No valid session cookie or bearer token (401).'),
  Forbidden: errorResponse('Signed in, but the permissions do not allow this; a field-level refusal names the field in details (403). A record the caller may not read is a 404 instead, so ids cannot be probed.'),
  TooManyRequests: errorResponse('Too many failed logins for this user or address; retry after the Retry-After header\'s seconds (429).'),
} satisfies Record<string, OpenApiResponse>;

export const ERROR_STATUS: Record<keyof typeof ERROR_RESPONSES, string> = {
  BadRequest: '400', NotFound: '404', Conflict: '409', PayloadTooLarge: '413', UnsupportedMediaType: '415', ValidationFailed: '422',
  Unauthorized: '401', Forbidden: '403', TooManyRequests: '429',
};

/** How callers authenticate: a bearer token (API clients) or the session cookie (browser; unsafe methods also send X-CSRF-Token). */
export const SECURITY_SCHEMES = {
  bearerToken: { type: 'http', scheme: 'bearer', description: 'A login token (`POST /api/auth/login` with `"token": true`) or a personal API token.' },
  sessionCookie: { type: 'apiKey', in: 'cookie', name: 'stagecraft_session', description: 'The browser session from `POST /api/auth/login`; POST, PUT, PATCH and DELETE also need the `X-CSRF-Token` header.' },
} satisfies Record<string, OpenApiSecurityScheme>;

/** Every operation needs one of the schemes unless it says `security: []`. */
export const DEFAULT_SECURITY: Array<Record<string, string[]>> = [{ bearerToken: [] }, { sessionCookie: [] }];

export function errorResponses(...names: Array<keyof typeof ERROR_RESPONSES>): Record<string, OpenApiReference> {
  return Object.fromEntries(names.map((name) => [ERROR_STATUS[name], responseRef(name)]));
}

const NAME_LIST_PATTERN = '^[a-zA-Z][a-zA-Z0-9]*(,[a-zA-Z][a-zA-Z0-9]*)*$';

export const SHARED_PARAMETERS = {
  recordId: { name: 'id', in: 'path', required: true, description: 'The record id (a UUID).', schema: { type: 'string', format: 'uuid', maxLength: 36 } },
  ifMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The version the change is based on (the record\'s ETag or `version`); a different current version yields 409.',
    schema: { type: 'string' },
  },
  page: { name: 'page', in: 'query', description: 'Page number, from 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
  pageSize: { name: 'pageSize', in: 'query', description: 'Records per page.', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  q: { name: 'q', in: 'query', description: 'Free-text search over the entity\'s search fields.', schema: { type: 'string', maxLength: 200 } },
  fields: {
    name: 'fields', in: 'query', style: 'form', explode: false,
    description: 'Comma-separated properties to return (id and version always come).',
    schema: { type: 'string', pattern: NAME_LIST_PATTERN },
  },
  expand: {
    name: 'expand', in: 'query', style: 'form', explode: false,
    description: 'Comma-separated reference fields and relations to embed: a reference becomes the referenced record, a relation an array of records.',
    schema: { type: 'string', pattern: NAME_LIST_PATTERN },
  },
  confirm: {
    name: 'confirm', in: 'query', style: 'form', explode: false,
    description: 'Comma-separated rules the writer accepts breaking: an overlap rule by name (e.g. `overlap` keeps a meeting that overlaps another in the owner\'s calendar). Without it such a write is refused with 422 (`details[].code` "overlap").',
    schema: { type: 'string', pattern: NAME_LIST_PATTERN },
  },
  count: { name: 'count', in: 'query', description: 'false skips computing `total`.', schema: { type: 'boolean', default: true } },
} satisfies Record<string, OpenApiParameter>;
