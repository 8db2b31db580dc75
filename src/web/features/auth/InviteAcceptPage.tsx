// Accepting an invitation: shows who is invited to what, then sets the display name and password.
import { Badge, Button, Paper, PasswordInput, Stack, Text, TextInput, Title, Group } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconMailOpened } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { InvitationInfo, Session } from '../../api/types';
import { PageLoader, startSession } from '../../auth/session';
import { useFormat } from '../../components/format';
import { Empty, ErrorAlert, useDocumentTitle } from '../../components/ui';

const MIN_PASSWORD = 10;

export default function InviteAcceptPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { token = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationInfo>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  useDocumentTitle(t('invite.title'));
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (invitation.isPending) return <PageLoader />;
  if (invitation.isError) {
    return (
      <Paper withBorder radius="lg" p="xl" maw={520} mx="auto">
        <Empty title={t('invite.invalidTitle')} description={f.error(invitation.error)} icon={<IconMailOpened size={28} aria-hidden />} />
        <Group justify="center" mt="md">
          <Button component={Link} to="/login" variant="light">
            {t('invite.toLogin')}
          </Button>
        </Group>
      </Paper>
    );
  }
  const inv = invitation.data;
  const tooShort = password.length < MIN_PASSWORD;
  const mismatch = confirm !== password;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!displayName.trim() || tooShort || mismatch) return;
    setBusy(true);
    setError(null);
    try {
      const s = await api.post<Session>(`/api/invitations/${encodeURIComponent(token)}/accept`, { displayName: displayName.trim(), password });
      startSession(client, s);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 40 }} maw={520} mx="auto">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {t('invite.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('invite.subtitle')}
            </Text>
          </div>
          <Paper bg="var(--mantine-color-dga-0)" p="md" radius="md">
            <Stack gap={6}>
              <Group gap="xs">
                <Text size="sm" c="dimmed" w={110}>
                  {t('invite.email')}
                </Text>
                <Text size="sm" fw={500} data-testid="invite-email">
                  {inv.email}
                </Text>
              </Group>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
                  {t('invite.organisation')}
                </Text>
                <Text size="sm" fw={500}>
                  {inv.organisation ? f.name(inv.organisation) : t('invite.noOrganisation')}
                </Text>
              </Group>
              <Group gap="xs">
                <Text size="sm" c="dimmed" w={110}>
                  {t('invite.role')}
                </Text>
                <Badge variant="light">{t(`roles.${inv.role}`)}</Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('invite.expires', { date: f.dateTime(inv.expiresAt) })}
              </Text>
            </Stack>
          </Paper>
          {error ? <ErrorAlert error={error} /> : null}
          <TextInput
            label={t('invite.displayName')}
            description={t('invite.displayNameHelp')}
            required
            autoComplete="name"
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={touched && !displayName.trim() ? t('invite.displayNameRequired') : undefined}
          />
          <PasswordInput
            label={t('invite.password')}
            description={t('invite.passwordHelp', { min: MIN_PASSWORD })}
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={touched && tooShort ? t('invite.passwordTooShort', { min: MIN_PASSWORD }) : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          />
          <PasswordInput
            label={t('invite.confirm')}
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={touched && mismatch ? t('invite.mismatch') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          />
          <Button type="submit" size="md" loading={busy} fullWidth>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
