// The API's identity endpoints in OpenAPI: sign-in and sessions, one's password and API tokens,
// the administrators' audit log and one's own notifications.
import type { JsonSchema } from '../json-schema';
import { errorResponses, parameterRef, schemaRef } from './openapi-components';
import type { OpenApiOperation, OpenApiPathItem } from './openapi-types';

const JSON_CONTENT = 'application/json';
const json = (schema: JsonSchema): { content: Record<string, { schema: JsonSchema }> } => ({ content: { [JSON_CONTENT]: { schema } } });
const NO_CONTENT = { description: 'Done.' };
const DATE_TIME: JsonSchema = { type: 'string', format: 'date-time' };
const NULLABLE_DATE_TIME: JsonSchema = { type: ['string', 'null'], format: 'date-time' };

const PUBLIC_USER: JsonSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, username: { type: 'string' }, displayName: { type: 'string' }, locale: { type: 'string' } },
  required: ['id', 'username'],
};

export const IDENTITY_SCHEMAS: Record<string, JsonSchema> = {
  LoginRequest: {
    type: 'object',
    properties: { username: { type: 'string' }, password: { type: 'string' }, token: { type: 'boolean', description: 'true: answer a bearer token instead of setting the session cookie.' } },
    required: ['username', 'password'],
  },
  LoginResult: {
    type: 'object',
    description: 'With a session cookie: `csrfToken` (send it as X-CSRF-Token on unsafe methods). With `"token": true`: `token` and `tokenType`.',
    properties: { csrfToken: { type: 'string' }, token: { type: 'string' }, tokenType: { type: 'string', enum: ['Bearer'] }, expiresAt: NULLABLE_DATE_TIME, user: PUBLIC_USER },
    required: ['user'],
  },
  CurrentUser: {
    type: 'object',
    properties: {
      user: PUBLIC_USER,
      roles: { type: 'array', items: { type: 'string' } },
      subordinateRoles: { type: 'array', items: { type: 'string' } },
      teamIds: { type: 'array', items: { type: 'string' } },
      partnerAccountId: { type: ['string', 'null'] },
      isAdmin: { type: 'boolean' },
      locale: { type: 'string' },
      authenticatedBy: { type: 'string', description: 'How this request signed in: the session cookie, a login token or a personal token.' },
      csrfToken: { type: 'string', description: 'For cookie sessions.' },
    },
    required: ['user', 'roles', 'isAdmin'],
  },
  PasswordChange: {
    type: 'object',
    properties: {
      currentPassword: { type: 'string' },
      newPassword: { type: 'string', minLength: 8 },
      keepTokens: {
        type: 'array',
        maxItems: 100,
        items: { type: 'string' },
        description: 'Ids of one\'s personal API tokens that stay valid; every other personal token ends with the change (also the one sending it).',
      },
    },
    required: ['currentPassword', 'newPassword'],
  },
  PasswordSet: { type: 'object', properties: { password: { type: 'string', minLength: 8 } }, required: ['password'] },
  TokenRequest: { type: 'object', properties: { name: { type: 'string' }, expiresAt: DATE_TIME }, required: ['name'] },
  CreatedToken: {
    type: 'object',
    description: 'The secret is shown this once.',
    properties: { id: { type: 'string' }, name: { type: 'string' }, token: { type: 'string' }, tokenType: { type: 'string', enum: ['Bearer'] }, expiresAt: NULLABLE_DATE_TIME },
    required: ['id', 'name', 'token'],
  },
  TokenList: { type: 'object', properties: { data: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, expiresAt: NULLABLE_DATE_TIME } } } }, required: ['data'] },
  AuditEntry: {
    type: 'object',
    properties: {
      id: { type: 'string' }, at: DATE_TIME, actorId: { type: ['string', 'null'] }, actorUsername: { type: 'string' }, requestId: { type: ['string', 'null'] },
      action: { type: 'string', description: 'create, update, delete, transition, ownerChange, permissionChange, login, loginFailed, logout, tokenCreated, tokenRevoked, passwordChanged, publish or rollback.' },
      entity: { type: ['string', 'null'] }, recordId: { type: ['string', 'null'] },
      changes: { description: 'For record writes `{field: {before, after}}` (fields the reader may not see left out); for transitions process, event, from, to, fields and payload; for permission changes the permission sets\' diff or the changed role/team fields.' },
      ip: { type: ['string', 'null'] },
    },
    required: ['id', 'at', 'action'],
  },
  AuditPage: { type: 'object', properties: { data: { type: 'array', items: schemaRef('AuditEntry') }, page: { type: 'integer' }, pageSize: { type: 'integer' } }, required: ['data', 'page', 'pageSize'] },
  NotificationList: {
    type: 'object',
    properties: {
      data: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, body: { type: 'string' }, entity: { type: ['string', 'null'] }, recordId: { type: ['string', 'null'] }, link: { type: ['string', 'null'], description: 'The record\'s API path.' }, createdAt: DATE_TIME, readAt: NULLABLE_DATE_TIME } } },
      unread: { type: 'integer', minimum: 0 },
    },
    required: ['data', 'unread'],
  },
};

function operation(operationId: string, summary: string, tag: string, rest: Omit<OpenApiOperation, 'operationId' | 'summary' | 'tags'>): OpenApiOperation {
  return { operationId, summary, tags: [tag], ...rest };
}

const idParameter = (what: string) => ({ name: 'id', in: 'path' as const, required: true, description: `The ${what} id.`, schema: { type: 'string' as const } });

export function identityPaths(): Record<string, OpenApiPathItem> {
  const body = (schemaName: string) => ({ requestBody: { required: true, ...json(schemaRef(schemaName)) } });
  return {
    '/api/auth/login': {
      post: operation('login', 'Sign in', 'auth', {
        security: [],
        ...body('LoginRequest'),
        responses: { '200': { description: 'Signed in (cookie set, or a bearer token).', ...json(schemaRef('LoginResult')) }, ...errorResponses('BadRequest', 'Unauthorized', 'TooManyRequests', 'UnsupportedMediaType') },
      }),
    },
    '/api/auth/logout': { post: operation('logout', 'End this session or login token', 'auth', { responses: { '204': NO_CONTENT } }) },
    '/api/auth/session': {
      get: operation('getSession', 'Who the browser\'s session cookie belongs to (signedIn false when nobody)', 'auth', {
        security: [],
        description: 'Answers 200 either way, so a signed-out page start logs no error; when signed in, the same fields as /api/auth/me.',
        responses: { '200': { description: 'signedIn, and the current user when signed in.', ...json({ type: 'object', properties: { signedIn: { type: 'boolean' } }, required: ['signedIn'], additionalProperties: true }) } },
      }),
    },
    '/api/auth/me': { get: operation('getCurrentUser', 'The signed-in user, roles and teams', 'auth', { responses: { '200': { description: 'The current user.', ...json(schemaRef('CurrentUser')) } } }) },
    '/api/auth/password': {
      post: operation('changeOwnPassword', 'Change one\'s own password (other sessions and personal API tokens end)', 'auth', {
        description: 'Every other session and login token of the user ends, and so does every personal API token not listed in `keepTokens`; the session or login token sending the request stays.',
        ...body('PasswordChange'),
        responses: { '204': NO_CONTENT, ...errorResponses('BadRequest', 'Forbidden', 'ValidationFailed') },
      }),
    },
    '/api/auth/users/{id}/password': {
      parameters: [idParameter('user')],
      put: operation('setUserPassword', 'Set a user\'s password (administrators; all their sessions and API tokens end)', 'auth', { ...body('PasswordSet'), responses: { '204': NO_CONTENT, ...errorResponses('BadRequest', 'Forbidden', 'NotFound', 'ValidationFailed') } }),
    },
    '/api/auth/tokens': {
      get: operation('listApiTokens', 'One\'s personal API tokens (without secrets)', 'auth', { responses: { '200': { description: 'The tokens.', ...json(schemaRef('TokenList')) } } }),
      post: operation('createApiToken', 'Create a personal API token', 'auth', { ...body('TokenRequest'), responses: { '201': { description: 'The token, with its secret shown once.', ...json(schemaRef('CreatedToken')) }, ...errorResponses('BadRequest', 'ValidationFailed') } }),
    },
    '/api/auth/tokens/{id}': {
      parameters: [idParameter('token')],
      delete: operation('revokeApiToken', 'Revoke one of one\'s API tokens (at once)', 'auth', { responses: { '204': NO_CONTENT, ...errorResponses('NotFound') } }),
    },
    '/api/audit': {
      get: operation('listAudit', 'The audit log, newest first (administrators)', 'audit', {
        parameters: [
          { name: 'entity', in: 'query', schema: { type: 'string' } },
          { name: 'id', in: 'query', description: 'A record id.', schema: { type: 'string' } },
          { name: 'actor', in: 'query', description: 'A user id or username.', schema: { type: 'string' } },
          { name: 'action', in: 'query', schema: { type: 'string' } },
          parameterRef('page'),
          parameterRef('pageSize'),
        ],
        responses: { '200': { description: 'A page of audit rows.', ...json(schemaRef('AuditPage')) }, ...errorResponses('BadRequest', 'Forbidden') },
      }),
    },
    '/api/notifications': {
      get: operation('listNotifications', 'One\'s own notifications, newest first, with the unread count', 'notifications', {
        parameters: [
          { name: 'unread', in: 'query', description: 'true: unread ones only.', schema: { type: 'boolean' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        ],
        responses: { '200': { description: 'The notifications.', ...json(schemaRef('NotificationList')) }, ...errorResponses('BadRequest') },
      }),
    },
    '/api/notifications/{id}/read': {
      parameters: [idParameter('notification')],
      post: operation('markNotificationRead', 'Mark one of one\'s notifications read', 'notifications', { responses: { '204': NO_CONTENT, ...errorResponses('NotFound') } }),
    },
  };
}
