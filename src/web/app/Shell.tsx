// The signed-in frame: header (brand, language, user menu), role-aware navigation, and the main landmark.
import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageLoader, useLogout, useUser } from '../auth/session';
import { PageErrorBoundary } from '../components/ErrorBoundary';
import { useFormat } from '../components/format';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { navFor } from './navigation';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  // Thai: the first consonant of the given name (a leading vowel such as ใ or เ is written before it).
  if (/[\u0E00-\u0E7F]/.test(parts[0]!)) {
    return Array.from(parts[0]!).find((c) => /[\u0E01-\u0E2E]/.test(c)) ?? Array.from(parts[0]!)[0]!;
  }
  return parts.slice(0, 2).map((p) => Array.from(p)[0]).join('').toUpperCase();
}

function UserMenu() {
  const { t } = useTranslation();
  const user = useUser();
  const f = useFormat();
  const doLogout = useLogout();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={280} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('header.userMenu', { name: user.displayName })} p={4} style={{ borderRadius: 8 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="dga" radius="xl" size={34} aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {user.displayName}
            </Text>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.displayName}
          </Text>
          <Text size="xs">{user.email}</Text>
          <Text size="xs">{t(`roles.${user.role}`)}</Text>
          {user.organisation ? <Text size="xs">{f.name(user.organisation)}</Text> : null}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => {
            void doLogout().then(() => navigate('/login', { replace: true }));
          }}
        >
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const user = useUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After client-side navigation, move focus to the content so screen readers announce the new page.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    close();
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname, close]);

  const items = navFor(user);
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'md', sm: 'xl' }}>
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t(opened ? 'nav.close' : 'nav.open')} aria-expanded={opened} aria-controls="app-nav" />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label={t('nav.homeLink')}>
              <Brand compact />
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="app-nav" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.key}
              component={RouterNavLink}
              to={item.to}
              end={item.to === '/' || item.to === '/registry'}
              label={t(`nav.${item.key}`)}
              leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
              style={{ borderRadius: 8 }}
              mb={2}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {t('app.footer')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1} style={{ outline: 'none' }} bg="var(--mantine-color-gray-0)">
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
