/**
 * An SMTP server on 127.0.0.1 (smtp-server, from the nodemailer project) that keeps every
 * mail it is given: what the CMS's email plugin sends, read back by the tests.
 */
import { SMTPServer } from 'smtp-server';
import { freePort } from '@campaign-desk/testing/ports';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** A MIME body part's text: quoted-printable or base64 as nodemailer chose, else as it is. */
function decodeBody(headers: string, body: string): string {
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    return decodeURIComponent(
      body
        .replace(/=\r?\n/g, '')
        .replace(/%/g, '%25')
        .replace(/=([0-9A-F]{2})/gi, '%$1'),
    );
  }
  return body;
}

/** A header's encoded words (=?UTF-8?B?…?= or ?Q?) decoded. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  );
}

/** A MIME entity's headers (unfolded) and body. */
function split(entity: string): [headers: string, body: string] {
  const [headers = '', ...rest] = entity.split(/\r?\n\r?\n/);
  return [headers.replace(/\r?\n[ \t]+/g, ' '), rest.join('\n\n')];
}

/** The mail's subject and its plain text (the text/plain part of a multipart mail). */
function parse(to: string[], raw: string): Mail {
  const [headers, body] = split(raw);
  const subject = decodeWords(/^subject:\s*(.*)$/im.exec(headers)?.[1] ?? '');
  const boundary = /boundary="?([^";\s]+)"?/i.exec(headers)?.[1];
  const plain = boundary
    ? body
        .split(`--${boundary}`)
        .map(split)
        .find(([part]) => /content-type:\s*text\/plain/i.test(part))
    : undefined;
  const [partHeaders, partBody] = plain ?? [headers, body];
  return { to, subject, text: decodeBody(partHeaders, partBody).trim() };
}

export async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(
          parse(
            session.envelope.rcptTo.map((recipient) => recipient.address),
            Buffer.concat(chunks).toString('utf8'),
          ),
        );
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
