import { exampleBundle } from '../../validate/testing/example-pack';
import { compileOpenApi } from './compile-openapi';
import { HTTP_METHODS } from './openapi-types';

const document = compileOpenApi(exampleBundle());

function operationsOf(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) => HTTP_METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`));
}

describe('OpenAPI: processes, reports, boards and exports', () => {
  it('documents the process metadata, report and board routes and a CSV export per entity', () => {
    expect(operationsOf()).toEqual(expect.arrayContaining([
      'GET /api/metadata/processes',
      'GET /api/metadata/processes/{name}',
      'POST /api/metadata/processes/{name}/simulate',
      'POST /api/metadata/processes/{name}/migrate',
      'GET /api/reports',
      'GET /api/reports/{name}',
      'GET /api/boards',
      'GET /api/boards/{name}',
      'GET /api/boards/{name}/columns/{value}',
      'GET /api/records/opportunity/export',
      'GET /api/records/account/export',
    ]));
  });

  it('describes the export as CSV with the list\'s filters and sort, and the board\'s columns with counts and sums', () => {
    const exported = document.paths['/api/records/opportunity/export']?.get;
    expect(Object.keys(exported?.responses['200'] && 'content' in exported.responses['200'] ? exported.responses['200'].content ?? {} : {})).toEqual(['text/csv']);
    expect((exported?.parameters ?? []).map((parameter) => ('name' in parameter ? parameter.name : parameter.$ref))).toEqual(['format', 'filter', 'sort', '#/components/parameters/q', '#/components/parameters/fields']);
    const board = document.components?.schemas?.Board;
    expect(board?.properties?.columns).toMatchObject({ items: { required: ['value', 'label', 'count'] } });
    expect(document.paths['/api/metadata/processes/{name}/migrate']?.post?.responses).toHaveProperty('403');
    expect(document.tags?.map((tag) => tag.name)).toEqual(expect.arrayContaining(['reports', 'boards']));
  });
});
