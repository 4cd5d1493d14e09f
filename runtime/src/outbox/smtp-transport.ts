// E-mail over SMTP (STAGECRAFT_SMTP_URL, e.g. smtp://user:pass@mail.example.com:587 or smtps://…)
// through nodemailer, wrapped to the MailTransport shape. The outbox row id goes out as the
// Message-ID, so a receiving side can drop a redelivered mail. The `from` address is the URL's
// `from` query parameter (default: stagecraft@<host>).
import nodemailer from 'nodemailer';
import type { MailMessage, MailTransport } from './mail-transport';

export interface SmtpMailTransport extends MailTransport {
  close(): void;
}

export function smtpMailTransport(smtpUrl: string): SmtpMailTransport {
  const url = new URL(smtpUrl);
  const from = url.searchParams.get('from') ?? `stagecraft@${url.hostname}`;
  url.searchParams.delete('from');
  const transporter = nodemailer.createTransport(url.toString());
  return {
    name: 'smtp',
    async send(message: MailMessage) {
      const info = await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@${url.hostname}>`,
      });
      const accepted = info.accepted.length > 0 && info.rejected.length === 0;
      return { accepted, detail: info.response };
    },
    close: () => transporter.close(),
  };
}

/** The transport the config names: SMTP when STAGECRAFT_SMTP_URL is set, else the log transport. */
export function mailTransportOf(config: { smtpUrl?: string }, fallback: MailTransport): MailTransport & { close?(): void } {
  return config.smtpUrl ? smtpMailTransport(config.smtpUrl) : fallback;
}
