// Notify e-mails through the configured transport: with an SMTP URL in the workflow config the
// outbox worker sends the escalation mail over SMTP (to a real SMTP server on 127.0.0.1, which
// receives it); without one the log transport only records it. Config comes from loadConfig.
import { loadConfig, smtpMailTransport } from '@stagecraft/runtime';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { createRecord, HOUR_MS, MONDAY_MORNING, startWorkflowRuntime, type WorkflowTestRuntime } from './workflow-harness';

describe('notify e-mails over SMTP', () => {
  let sink: SmtpSink;
  let runtime: WorkflowTestRuntime;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const { workflow } = loadConfig({ STAGECRAFT_SMTP_URL: `${sink.url}?from=crm@example.com` });
    expect(workflow.smtpUrl).toBe(`${sink.url}?from=crm@example.com`);
    runtime = await startWorkflowRuntime('sqlite', { workflowConfig: workflow });
  });
  afterAll(async () => {
    await runtime?.close();
    await sink?.close();
  });

  it('sends a message the SMTP server receives, with the outbox row id as its Message-ID', async () => {
    const transport = smtpMailTransport(`${sink.url}?from=crm@example.com`);
    try {
      const sent = await transport.send({ to: 'ana@example.com', subject: 'Hello', text: 'First line\n.\nafter a dot line', idempotencyKey: 'row-1:user-1' });
      expect(sent.accepted).toBe(true);
    } finally {
      transport.close();
    }
    const [mail] = await sink.received(1);
    expect(mail).toMatchObject({ from: 'crm@example.com', to: ['ana@example.com'] });
    expect(mail?.data).toMatch(/^Subject: Hello$/m);
    expect(mail?.data).toMatch(/^Message-ID: <row-1.user-1@127\.0\.0\.1>$/im);
    expect(mail?.data).toContain('First line\r\n.\r\nafter a dot line');
  });

  it('delivers the ticket SLA escalation to the supervisor by SMTP', async () => {
    const supervisor = await runtime.createUser({ username: 'smtp-lead', role: 'supervisor', team: 'billing' });
    await runtime.api().patch(`/api/records/user/${supervisor.id}`).send({ email: 'lead@example.com' });
    const before = sink.messages.length;
    runtime.clock.set(MONDAY_MORNING);
    await createRecord(runtime, 'ticket', { subject: 'Refund', category: 'billing' });
    // Past the 4-business-hour SLA (the 75 % reminder is in-app only).
    runtime.clock.set(new Date(Date.parse(MONDAY_MORNING) + 4 * HOUR_MS));
    expect((await runtime.workflow.scheduler.fireDueTimers()).fired).toBe(2);
    await runtime.workflow.outboxWorker.deliverDue();
    const mails = await sink.received(before + 1);
    const escalation = mails.slice(before).find((mail) => mail.to.includes('lead@example.com'));
    expect(escalation?.data).toMatch(/^Subject: First-response SLA breached$/m);
    const row = (await runtime.workflow.service.outbox.list({ kind: 'notify', pending: false })).find((candidate) => JSON.stringify(candidate.result).includes('lead@example.com'));
    expect(row?.result).toMatchObject({ mails: [expect.objectContaining({ to: 'lead@example.com', transport: 'smtp', detail: expect.stringMatching(/^250/) })] });
  });
});
