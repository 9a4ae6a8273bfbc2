/**
 * Mail out through the SMTP server of the platform's configuration (nodemailer). Plain text only: the
 * notices the platform sends are short, and officials' mail clients show text best.
 */
import nodemailer from 'nodemailer';
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
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async send(mail) {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
