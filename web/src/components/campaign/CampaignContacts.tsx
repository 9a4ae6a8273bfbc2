/**
 * 联系方式: the contact people the campaign's notice names (from its rules), with phones to dial, mail
 * to write and the address the stamped paper copies go to. On every page of a campaign: folded to one
 * line that already names whom to call, opened for the rest.
 */
import { PhoneOutlined } from '@ant-design/icons';
import { Collapse, Space, Typography } from 'antd';
import type { CampaignRules } from '#web/api/campaigns.ts';

type Contact = CampaignRules['contacts'][number];

function ContactBlock({ contact }: { contact: Contact }) {
  const heading = [contact.organisation, contact.topic].filter(Boolean).join(' · ');
  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      {heading && <Typography.Text strong>{heading}</Typography.Text>}
      <div>联系人：{contact.people.join('、') || '—'}</div>
      {contact.phones.length > 0 && (
        <div>
          电话：
          {contact.phones.map((phone, i) => (
            <span key={phone}>
              {i > 0 && '；'}
              <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
            </span>
          ))}
        </div>
      )}
      {contact.emails.length > 0 && (
        <div>
          邮箱：
          {contact.emails.map((mail, i) => (
            <span key={mail}>
              {i > 0 && '；'}
              <a href={`mailto:${mail}`}>{mail}</a>
            </span>
          ))}
        </div>
      )}
      {contact.address && (
        <div>
          通信地址：{contact.address}
          {contact.postcode && `（邮政编码 ${contact.postcode}）`}
        </div>
      )}
    </div>
  );
}

/** The one line the folded panel shows: whom to call first (the contact for the material, if named). */
function Summary({ contacts }: { contacts: Contact[] }) {
  const first = contacts.find((c) => c.address) ?? contacts[0];
  if (!first) return null;
  return (
    <Typography.Text type="secondary">
      {[first.organisation, first.people.join('、')].filter(Boolean).join(' ')}{' '}
      {first.phones[0] && <span style={{ whiteSpace: 'nowrap' }}>{first.phones[0]}</span>}
    </Typography.Text>
  );
}

export function CampaignContacts({
  rules,
  defaultOpen = false,
}: {
  rules: CampaignRules;
  defaultOpen?: boolean;
}) {
  // Rules stored before contacts were shown may have none.
  const contacts = rules.contacts ?? [];
  const paperAddress = rules.submission?.paperAddress;
  if (contacts.length === 0 && !paperAddress) return null;
  return (
    <Collapse
      size="small"
      defaultActiveKey={defaultOpen ? ['contacts'] : []}
      items={[
        {
          key: 'contacts',
          label: (
            <Space size={6} style={{ minWidth: 0 }} wrap>
              <PhoneOutlined />
              <span>联系方式</span>
              <Summary contacts={contacts} />
            </Space>
          ),
          children: (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
                  gap: 16,
                }}
              >
                {contacts.map((c) => (
                  <ContactBlock key={`${c.organisation}:${c.topic}:${c.people.join()}`} contact={c} />
                ))}
              </div>
              {paperAddress && (
                <Typography.Text>
                  <Typography.Text strong>纸质材料寄送地址：</Typography.Text>
                  {paperAddress}
                </Typography.Text>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
