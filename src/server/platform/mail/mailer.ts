/**
 * Mail out through the SMTP server of the platform's configuration (nodemailer). Plain text only: the
 * notices the platform sends are short, and officials' mail clients show text best.
 */
import type { Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves when the server accepted the message; throws when it did not (the job is retried). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(smtp: SmtpConfig): Mailer {
  // Loaded with the first mail: it would add ~5 MB to every process's heap (decision 0022).
  let transport: Promise<Transporter> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(smtp.url),
    ));
  return {
    async send(mail) {
      await (await open()).sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      // A transport that never opened has nothing to close; its failure was the sender's to report.
      void transport?.then(
        (t) => t.close(),
        () => {},
      );
    },
  };
}
