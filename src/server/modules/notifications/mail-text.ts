/** The mail that carries a notification: the bell message in words, with where to find it on the platform. */
export interface MailedNotification {
  title: string;
  body: string;
  link: string | null;
  displayName: string;
}

export function notificationMail(n: MailedNotification): { subject: string; text: string } {
  const where = n.link ? `请登录推介平台，在“${n.link}”页面查看并办理。` : '请登录推介平台查看。';
  return {
    subject: `【推介平台】${n.title}`,
    text: [
      `${n.displayName}：`,
      '',
      n.body || n.title,
      '',
      where,
      '',
      '此邮件由推介平台自动发送，请勿直接回复。',
    ].join('\n'),
  };
}
