// Mail outbox: what the system sent or would send (no SMTP configured = the demo's only mailbox).
import { Accordion, Anchor, Badge, Group, Paper, Stack, Text, Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconMail } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Items, OutboxMail } from '../../api/types';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, PageHeader } from '../../components/ui';

/** Turns URLs in a plain-text mail into links, without ever interpreting the text as HTML. */
function Linkified({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const re = /https?:\/\/[^\s<>"')]+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    parts.push(<Fragment key={`t${at}`}>{text.slice(last, at)}</Fragment>);
    parts.push(
      <Anchor key={`a${at}`} href={m[0]} style={{ overflowWrap: 'anywhere' }}>
        {m[0]}
      </Anchor>,
    );
    last = at + m[0].length;
  }
  parts.push(<Fragment key="end">{text.slice(last)}</Fragment>);
  return <>{parts}</>;
}

export default function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({ queryKey: ['outbox'], queryFn: () => api.get<Items<OutboxMail>>('/api/outbox'), refetchInterval: 15_000 });
  return (
    <div>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      {q.isPending ? (
        <Skeleton h={160} radius="md" />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Paper withBorder radius="md">
          <Empty icon={<IconMail size={28} aria-hidden />} title={t('outbox.emptyTitle')} description={t('outbox.empty')} />
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Accordion variant="default" chevronPosition="right">
            {q.data.items.map((m) => (
              <Accordion.Item key={m.id} value={m.id}>
                <Accordion.Control>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} size="sm">
                        {m.subject}
                      </Text>
                      <Badge size="xs" variant="light" color={m.sentAt ? 'green' : 'gray'}>
                        {m.sentAt ? t('outbox.sent') : t('outbox.notSent')}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('outbox.to', { to: m.to })} · {f.dateTime(m.createdAt)} · {t(`outbox.kinds.${m.kind}`, { defaultValue: m.kind })}
                    </Text>
                  </Stack>
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm" className="pre-wrap" component="div" data-testid="mail-body">
                    <Linkified text={m.bodyText} />
                  </Text>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      )}
    </div>
  );
}
