// Outgoing mail: every message is kept in the outbox; with SMTP_URL it is also sent through nodemailer.
import type { Transporter } from 'nodemailer';
import type { AppContext } from '../app.js';
import { insertOutbox, markOutbox } from '../repositories/outbox.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** What the message is for, e.g. "invitation"; shown in the outbox. */
  kind: string;
}

const transports = new Map<string, Transporter>();

async function transportFor(url: string): Promise<Transporter> {
  let t = transports.get(url);
  if (!t) {
    // Loaded only when SMTP is configured.
    const { default: nodemailer } = await import('nodemailer');
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/**
 * Records the message, then sends it when SMTP is configured. A failed send is recorded on the outbox row and does
 * not fail the caller: the admin sees it in the outbox and the invitation link is also shown to whoever created it.
 */
export async function sendMail(ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'ids'>, msg: MailMessage): Promise<{ id: string; sent: boolean }> {
  const id = ctx.ids.uuid();
  await insertOutbox(ctx.db, { id, created_at: ctx.clock.now(), to_address: msg.to, subject: msg.subject, body_text: msg.text, kind: msg.kind });
  if (!ctx.config.SMTP_URL) return { id, sent: false };
  try {
    await (await transportFor(ctx.config.SMTP_URL)).sendMail({ from: ctx.config.MAIL_FROM, to: msg.to, subject: msg.subject, text: msg.text });
    await markOutbox(ctx.db, id, { sent_at: ctx.clock.now(), error: null });
    return { id, sent: true };
  } catch (err) {
    await markOutbox(ctx.db, id, { sent_at: null, error: err instanceof Error ? err.message : String(err) });
    return { id, sent: false };
  }
}
