/// <reference types="jest" />
// The web tsconfig knows no test runner; this unit test runs under the repository's Jest.
import { parseCsv } from '@stagecraft/core/csv';
import { fieldOfProblemPath, mappedCsv, matchColumns, matchKey } from './import-mapping';

const TARGETS = [
  { name: 'firstName', label: { en: 'First name', 'zh-CN': '名' } },
  { name: 'lastName', label: { en: 'Last name', 'zh-CN': '姓' } },
  { name: 'email', label: { en: 'E-mail', 'zh-CN': '电子邮件' } },
  { name: 'company', label: 'Company' },
];

describe('import mapping', () => {
  it('normalises header text for matching', () => {
    expect(['E-mail', ' e_mail ', 'EMAIL', 'Last Name:'].map(matchKey)).toEqual(['email', 'email', 'email', 'lastname']);
  });

  it('matches columns by field name or a label in any language, each field once, unknown columns left out', () => {
    expect(matchColumns(['Last name', 'email', '公司', '电子邮件', 'firstname', 'Notes', ''], TARGETS)).toEqual(['lastName', 'email', undefined, undefined, 'firstName', undefined, undefined]);
    expect(matchColumns(['姓', '名'], TARGETS)).toEqual(['lastName', 'firstName']);
  });

  it('rewrites the file with the chosen columns under their field names, cells untouched', () => {
    const [header, ...rows] = parseCsv('Last name,Notes,E-mail\r\n"Chen, Li",skip me,li@example.com\r\nO\'Neil,"multi\nline","a""b@example.com"\r\n');
    expect(header?.cells).toEqual(['Last name', 'Notes', 'E-mail']);
    const csv = mappedCsv(rows, ['lastName', undefined, 'email']);
    expect(csv).toBe('lastName,email\r\n"Chen, Li",li@example.com\r\nO\'Neil,"a""b@example.com"\r\n');
    expect(parseCsv(csv).map((record) => record.cells)).toEqual([['lastName', 'email'], ['Chen, Li', 'li@example.com'], ["O'Neil", 'a"b@example.com']]);
  });

  it('reads the field out of a row problem path', () => {
    expect([fieldOfProblemPath('/3/email'), fieldOfProblemPath('/rows/3/email'), fieldOfProblemPath('/2'), fieldOfProblemPath('')]).toEqual(['email', 'email', undefined, undefined]);
  });
});
