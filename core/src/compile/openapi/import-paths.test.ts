import { exampleBundle } from '../../validate/testing/example-pack';
import { compileOpenApi } from './compile-openapi';

const document = compileOpenApi(exampleBundle());

describe('OpenAPI: record imports', () => {
  it('documents an import per entity taking CSV or JSON records of the create schema, answering the row report', () => {
    const imported = document.paths['/api/records/account/import']?.post;
    expect(imported?.operationId).toBe('importAccountRecords');
    expect(Object.keys(imported?.requestBody?.content ?? {})).toEqual(['text/csv', 'application/json']);
    expect(imported?.requestBody?.content['application/json']?.schema).toMatchObject({ properties: { records: { items: { $ref: '#/components/schemas/AccountCreate' } } } });
    expect((imported?.parameters ?? []).map((parameter) => ('name' in parameter ? parameter.name : parameter.$ref))).toEqual(['dryRun', 'mode', 'key', 'atomic', '#/components/parameters/confirm']);
    expect(Object.keys(imported?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404', '413', '415', '422']);
    expect(document.components?.schemas?.ImportReport).toMatchObject({ required: ['created', 'updated', 'failed', 'dryRun', 'rows'] });
    expect(document.paths['/api/records/opportunity/import']?.post).toBeDefined();
  });
});
