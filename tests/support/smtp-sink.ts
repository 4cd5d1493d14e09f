// A tiny SMTP server for tests (node:net, 127.0.0.1, a free port): speaks just enough of RFC 5321
// for a client that does not need TLS or auth (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and
// keeps every message it accepts, so a test can assert what a transport really sent over the wire.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Headers and body as sent (dot-unstuffed, CRLF line ends). */
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  /** Resolves when `count` messages have arrived (no timers: the arrival itself resolves it). */
  received(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: Array<{ count: number; resolve: (mails: ReceivedMail[]) => void }> = [];
  const sockets = new Set<net.Socket>();
  const notify = (): void => {
    for (const waiter of waiters.splice(0)) {
      if (messages.length >= waiter.count) waiter.resolve(messages.slice());
      else waiters.push(waiter);
    }
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    let inData = false;
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    let data: string[] = [];
    const reply = (line: string): void => {
      socket.write(`${line}\r\n`);
    };
    reply('220 localhost test SMTP sink');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({ ...envelope, data: data.join('\r\n') });
            envelope = { from: '', to: [] };
            data = [];
            reply('250 2.0.0 queued');
            notify();
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
        } else {
          const command = line.slice(0, 4).toUpperCase();
          if (command === 'EHLO') reply('250 localhost');
          else if (command === 'HELO') reply('250 localhost');
          else if (command === 'MAIL') {
            envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
            reply('250 2.1.0 ok');
          } else if (command === 'RCPT') {
            envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
            reply('250 2.1.5 ok');
          } else if (command === 'DATA') {
            inData = true;
            reply('354 end with <CRLF>.<CRLF>');
          } else if (command === 'RSET') {
            envelope = { from: '', to: [] };
            reply('250 ok');
          } else if (command === 'NOOP') reply('250 ok');
          else if (command === 'QUIT') {
            reply('221 bye');
            socket.end();
          } else reply('502 5.5.2 not implemented');
        }
        end = buffer.indexOf('\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    received: (count) => new Promise((resolve) => {
      waiters.push({ count, resolve });
      notify();
    }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
