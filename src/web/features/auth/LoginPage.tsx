// Sign-in with e-mail and password; the server's Thai/English message is shown on failure.
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { login, PageLoader, takeSessionExpired, useSession } from '../../auth/session';
import { ErrorAlert, useDocumentTitle } from '../../components/ui';

export default function LoginPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, loading } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [expired] = useState(takeSessionExpired);
  useDocumentTitle(t('login.title'));
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (loading) return <PageLoader />;
  if (user) return <Navigate to={from} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(client, email.trim(), password);
      navigate(from, { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 40 }} maw={440} mx="auto">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {t('login.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('login.subtitle')}
            </Text>
          </div>
          {expired && !error ? (
            <Alert color="blue" variant="light" icon={<IconClock aria-hidden />} role="status">
              {t('login.expired')}
            </Alert>
          ) : null}
          {error ? <ErrorAlert error={error} title={t('login.failed')} /> : null}
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
          />
          <Button type="submit" size="md" loading={busy} disabled={!email || !password} fullWidth mt="xs">
            {t('login.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('login.help')}
          </Text>
          <Anchor component={Link} to="/digital-local/sign-up" size="sm">
            {t('login.dlSignUp')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
