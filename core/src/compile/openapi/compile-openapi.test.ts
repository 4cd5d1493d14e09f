import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { EntityDocument } from '../../model/entity';
import { exampleBundle } from '../../validate/testing/example-pack';
import { SCHEMA_ANNOTATION_KEYWORDS } from '../annotations';
import { compileOpenApi } from './compile-openapi';
import { entityComponentNames } from './component-names';
import { HTTP_METHODS, type OpenApiDocument, type OpenApiOperation, type OpenApiParameter, type OpenApiReference } from './openapi-types';

const document = compileOpenApi(exampleBundle(), { title: 'Example CRM', version: '2.1.0', serverUrl: 'http://localhost:3000' });

function resolvePointer(root: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((node, token) => {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }, root);
}

function allRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => allRefs(item, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else allRefs(value, found);
    }
  }
  return found;
}

function operations(doc: OpenApiDocument): Array<[string, string, OpenApiOperation]> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [[path, method, item[method]] as [string, string, OpenApiOperation]] : [])));
}

function resolved(parameter: OpenApiParameter | OpenApiReference): OpenApiParameter {
  return '$ref' in parameter ? (resolvePointer(document, parameter.$ref.slice(1)) as OpenApiParameter) : parameter;
}

function operation(path: string, method: (typeof HTTP_METHODS)[number]): OpenApiOperation {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
}

describe('compileOpenApi', () => {
  it('is an OpenAPI 3.1 document with the given info and server', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Example CRM', version: '2.1.0' });
    expect(document.servers).toEqual([{ url: 'http://localhost:3000' }]);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('resolves every $ref within the document', () => {
    const refs = allRefs(document);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) {
      expect(ref.startsWith('#/')).toBe(true);
      expect([ref, resolvePointer(document, ref.slice(1))]).toEqual([ref, expect.anything()]);
    }
  });

  it('gives every operation a unique operationId, a response description and declared path parameters', () => {
    const all = operations(document);
    const ids = all.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, , op] of all) {
      expect(op.operationId).toMatch(/^[a-zA-Z][a-zA-Z0-9]*$/);
      for (const response of Object.values(op.responses)) {
        const target = '$ref' in response ? resolvePointer(document, response.$ref.slice(1)) : response;
        expect(target).toEqual(expect.objectContaining({ description: expect.any(String) }));
      }
      const declared = [...(document.paths[path]?.parameters ?? []), ...(op.parameters ?? [])].map(resolved).filter((p) => p.in === 'path').map((p) => p.name).sort();
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      expect([path, declared]).toEqual([path, templated]);
    }
  });

  it('has the record endpoints of every entity and the metadata endpoints', () => {
    const methodsByPath = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [path, HTTP_METHODS.filter((method) => item[method])]));
    for (const entity of ['account', 'contact', 'opportunity', 'tag']) {
      expect(methodsByPath[`/api/records/${entity}`]).toEqual(['get', 'post']);
      expect(methodsByPath[`/api/records/${entity}/{id}`]).toEqual(['get', 'patch', 'delete']);
    }
    for (const path of ['/api/health', '/api/metadata/entities', '/api/metadata/entities/{name}', '/api/metadata/entities/{name}/schema', '/api/metadata/layouts', '/api/metadata/layouts/{name}', '/api/openapi.json']) {
      expect(methodsByPath[path]).toEqual(['get']);
    }
  });

  it('describes sign-in, tokens, the audit log and notifications, each with its error responses', () => {
    const methodsByPath = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [path, HTTP_METHODS.filter((method) => item[method])]));
    expect(methodsByPath).toMatchObject({
      '/api/auth/login': ['post'], '/api/auth/logout': ['post'], '/api/auth/me': ['get'], '/api/auth/session': ['get'], '/api/auth/password': ['post'],
      '/api/auth/users/{id}/password': ['put'], '/api/auth/tokens': ['get', 'post'], '/api/auth/tokens/{id}': ['delete'],
      '/api/audit': ['get'], '/api/notifications': ['get'], '/api/notifications/{id}/read': ['post'],
      '/api/views': ['get', 'post'], '/api/views/{id}': ['patch', 'delete'],
    });
    expect(Object.keys(operation('/api/auth/login', 'post').responses).sort()).toEqual(['200', '400', '401', '415', '429']);
    expect(Object.keys(operation('/api/audit', 'get').responses).sort()).toEqual(['200', '400', '401', '403']);
    expect(Object.keys(operation('/api/notifications/{id}/read', 'post').responses).sort()).toEqual(['204', '401', '404']);
    expect(Object.keys(operation('/api/auth/users/{id}/password', 'put').responses)).toEqual(expect.arrayContaining(['403', '404']));
  });

  it('requires a bearer token or the session cookie everywhere but health, login (whose 401 means bad credentials) and the session check', () => {
    expect(document.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(document.components.securitySchemes).toMatchObject({ bearerToken: { type: 'http', scheme: 'bearer' }, sessionCookie: { type: 'apiKey', in: 'cookie', name: 'stagecraft_session' } });
    const open = operations(document).filter(([, , op]) => op.security?.length === 0).map(([path, method]) => `${method} ${path}`);
    expect(open.sort()).toEqual(['get /api/auth/session', 'get /api/health', 'post /api/auth/login']);
    for (const [path, method, op] of operations(document)) {
      if (!open.includes(`${method} ${path}`)) expect([method, path, '401' in op.responses]).toEqual([method, path, true]);
    }
    expect(operation('/api/health', 'get').responses).not.toHaveProperty('401');
    expect(operation('/api/auth/session', 'get').responses).not.toHaveProperty('401');
  });

  it('has history, permissions and reassign for every entity, and transitions and process routes for entities with a process', () => {
    const methodsByPath = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [path, HTTP_METHODS.filter((method) => item[method])]));
    for (const entity of ['account', 'contact', 'opportunity', 'tag']) {
      expect(methodsByPath[`/api/records/${entity}/{id}/history`]).toEqual(['get']);
      expect(methodsByPath[`/api/records/${entity}/{id}/reassign`]).toEqual(['post']);
      expect(methodsByPath[`/api/records/${entity}/{id}/permissions`]).toEqual(['get']);
    }
    expect(methodsByPath['/api/records/opportunity/{id}/transitions']).toEqual(['get', 'post']);
    expect(methodsByPath['/api/records/opportunity/{id}/process']).toEqual(['get']);
    expect(methodsByPath['/api/records/opportunity/{id}/process/start']).toEqual(['post']);
    expect(methodsByPath['/api/records/tag/{id}/transitions']).toBeUndefined();
    const transition = operation('/api/records/opportunity/{id}/transitions', 'post');
    expect(Object.keys(transition.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422']);
    expect(transition.requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/TransitionRequest' });
    expect(Object.keys(operation('/api/records/account/{id}/reassign', 'post').responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422']);
    expect(Object.keys(operation('/api/records/account/{id}/history', 'get').responses).sort()).toEqual(['200', '400', '401', '404']);
  });

  it('names the read, create, update and list schemas after the entity', () => {
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Opportunity', 'OpportunityCreate', 'OpportunityUpdate', 'OpportunityList', 'Error']));
    expect(operation('/api/records/opportunity', 'post').requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/OpportunityCreate' });
    expect(operation('/api/records/opportunity/{id}', 'patch').requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/OpportunityUpdate' });
  });

  it('documents list parameters: deepObject filters per field and operator, sort, paging, search, fields, expand', () => {
    const parameters = (operation('/api/records/opportunity', 'get').parameters ?? []).map(resolved);
    expect(parameters.map((p) => p.name)).toEqual(['filter', 'sort', 'page', 'pageSize', 'q', 'fields', 'expand', 'count']);
    const filter = parameters[0];
    expect(filter).toMatchObject({ in: 'query', style: 'deepObject', explode: true });
    expect(Object.keys(filter?.schema.properties?.amount?.properties ?? {})).toEqual(['eq', 'ne', 'in', 'isNull', 'lt', 'lte', 'gt', 'gte']);
    expect(Object.keys(filter?.schema.properties?.stage?.properties ?? {})).toEqual(['eq', 'ne', 'in', 'isNull']);
    const sort = new RegExp(parameters[1]?.schema.pattern ?? '$^', 'u');
    expect(sort.test('-amount,name')).toBe(true);
    expect(sort.test('budget')).toBe(false);
  });

  it('takes If-Match on PATCH and uses the one error shape for 400/401/403/404/409/413/415/422', () => {
    const patch = operation('/api/records/opportunity/{id}', 'patch');
    expect((patch.parameters ?? []).map(resolved)).toEqual([expect.objectContaining({ name: 'If-Match', in: 'header' }), expect.objectContaining({ name: 'confirm', in: 'query' })]);
    expect(Object.keys(patch.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '422']);
    for (const status of ['400', '401', '403', '404', '409', '413', '415', '422']) {
      const response = patch.responses[status];
      const target = response && '$ref' in response ? resolvePointer(document, response.$ref.slice(1)) : response;
      expect(target).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    }
  });

  describe('its schemas, compiled with ajv (OpenAPI 3.1 schemas are JSON Schema 2020-12)', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, multipleOfPrecision: 2 });
    addFormats(ajv);
    ajv.addVocabulary([...SCHEMA_ANNOTATION_KEYWORDS]);
    ajv.addSchema({ ...document, $id: 'openapi.json' });
    const schema = (name: string) => {
      const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
      if (!validate) throw new Error(`no schema ${name}`);
      return validate;
    };
    const record = { id: '0190b6a0-1c2d-7e3f-8a9b-0c1d2e3f4a5b', version: 1, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' };

    it('accepts a list page with plain and expanded references', () => {
      const page = { data: [{ ...record, name: 'Deal', account: record.id }, { ...record, name: 'Other', account: { ...record, name: 'Acme' } }], total: 2, page: 1, pageSize: 50 };
      expect(schema('OpportunityList')(page)).toBe(true);
    });

    it('rejects a list page without data and an error without details', () => {
      expect(schema('OpportunityList')({ page: 1, pageSize: 50 })).toBe(false);
      expect(schema('Error')({ error: { code: 'notFound', message: 'No such record' } })).toBe(false);
      expect(schema('Error')({ error: { code: 'notFound', message: 'No such record', details: [{ path: '/id', message: 'unknown' }] } })).toBe(true);
    });
  });

  it('keeps component names unique when an entity is named like another one\'s list', () => {
    const names = entityComponentNames(['account', 'accountList'], ['Error']);
    expect(names.get('account')).toEqual({ read: 'Account', create: 'AccountCreate', update: 'AccountUpdate', list: 'AccountList2' });
    expect(names.get('accountList')?.read).toBe('AccountList');
    const bundle = exampleBundle();
    const accountList: EntityDocument = { kind: 'entity', name: 'accountList', label: 'Account list', fields: [{ name: 'title', type: 'string' }] };
    bundle.entities.accountList = accountList;
    const schemas = compileOpenApi(bundle).components.schemas;
    expect(schemas.AccountList?.properties).toHaveProperty('title');
    expect(schemas.AccountList2?.properties).toHaveProperty('data');
  });
});
