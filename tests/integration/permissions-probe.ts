// Requests as one person of the permission fixture, remembering every response body so a test
// can finally assert that no hidden value ever left the server.
import type { Response } from 'supertest';
import type { Company, Person } from './permissions-fixture';
import type { TestRuntime } from './runtime-harness';

export interface Probe {
  get(person: Person, url: string): Promise<Response>;
  post(person: Person, url: string, body: object): Promise<Response>;
  patch(person: Person, url: string, body: object): Promise<Response>;
  delete(person: Person, url: string): Promise<Response>;
  /** Every response body each person received, as JSON text. */
  bodiesOf(person: Person): string[];
}

export function createProbe(runtime: TestRuntime, company: Company): Probe {
  const seen = new Map<Person, string[]>();
  const remember = (person: Person, response: Response): Response => {
    const list = seen.get(person) ?? [];
    // A CSV export has no JSON body: its text is what was sent.
    list.push(response.type === 'text/csv' ? response.text : JSON.stringify(response.body));
    seen.set(person, list);
    return response;
  };
  const agent = (person: Person) => runtime.as(company.users[person].token);
  return {
    get: async (person, url) => remember(person, await agent(person).get(url)),
    post: async (person, url, body) => remember(person, await agent(person).post(url).send(body)),
    patch: async (person, url, body) => remember(person, await agent(person).patch(url).send(body)),
    delete: async (person, url) => remember(person, await agent(person).delete(url)),
    bodiesOf: (person) => seen.get(person) ?? [],
  };
}

/** The record keys of a list response, sorted. */
export function keysOf(company: Company, response: Response): string[] {
  return ((response.body as { data?: Array<{ id: unknown }> }).data ?? []).map((record) => company.keyOf(record.id)).sort();
}
