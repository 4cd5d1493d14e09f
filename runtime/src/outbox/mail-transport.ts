// Where notify e-mails go. Without STAGECRAFT_SMTP_URL the log transport keeps the message in the
// outbox row's result (and nothing leaves the machine), so development and tests see every mail.
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The outbox row id: the receiving side may use it to drop duplicates. */
  idempotencyKey: string;
}

export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<{ accepted: boolean; detail?: string }>;
}

export const LOG_MAIL_TRANSPORT: MailTransport = {
  name: 'log',
  send: async () => ({ accepted: true, detail: 'recorded in the outbox (no STAGECRAFT_SMTP_URL configured)' }),
};
