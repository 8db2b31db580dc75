// Which sections each role sees: the one table the navigation and the home page read.
import type { ComponentType } from 'react';
import { IconBuildingCommunity, IconCalendarStats, IconClipboardList, IconHome, IconFileImport, IconMailForward, IconMail, IconUsers, IconBuilding, IconChartBar, IconChecklist, IconBulb, IconGavel, IconAward, IconCertificate, IconSend } from '@tabler/icons-react';
import type { Role, User } from '../api/types';

export interface NavItem {
  /** i18n key under nav.* and home.cards.* */
  key: string;
  to: string;
  icon: ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;
}

const ALL: Role[] = ['admin', 'reviewer', 'coordinator', 'contributor', 'head', 'judge', 'lao_applicant'];

interface NavRule {
  key: string;
  roles: Role[];
  icon: NavItem['icon'];
  to: (user: User) => string | null;
}

// Feature modules add their entries here (e.g. questionnaire, verification, judging) with the roles that use them.
const RULES: NavRule[] = [
  { key: 'home', roles: ALL, icon: IconHome, to: () => '/' },
  { key: 'registry', roles: ['admin', 'reviewer'], icon: IconBuildingCommunity, to: () => '/registry' },
  {
    key: 'myOrganisation',
    roles: ['coordinator', 'contributor', 'head', 'judge', 'lao_applicant'],
    icon: IconBuilding,
    to: (u) => (u.organisationId ? `/registry/${u.organisationId}` : null),
  },
  { key: 'survey', roles: ['coordinator', 'contributor', 'head'], icon: IconClipboardList, to: () => '/survey' },
  { key: 'editions', roles: ['admin'], icon: IconCalendarStats, to: () => '/editions' },
  { key: 'review', roles: ['admin', 'reviewer'], icon: IconChecklist, to: () => '/review' },
  { key: 'corrections', roles: ['coordinator', 'contributor', 'head'], icon: IconChecklist, to: () => '/corrections' },
  { key: 'results', roles: ['admin', 'reviewer', 'head', 'coordinator'], icon: IconChartBar, to: () => '/results' },
  { key: 'dlEntry', roles: ['lao_applicant'], icon: IconBulb, to: () => '/digital-local/entry' },
  { key: 'dlJudging', roles: ['judge'], icon: IconGavel, to: () => '/digital-local/judging' },
  { key: 'dlAdmin', roles: ['admin'], icon: IconAward, to: () => '/digital-local/admin' },
  { key: 'awards', roles: ['admin', 'reviewer'], icon: IconAward, to: () => '/awards' },
  { key: 'myAwards', roles: ['coordinator', 'contributor', 'head'], icon: IconCertificate, to: () => '/my-awards' },
  { key: 'nominations', roles: ['head', 'coordinator'], icon: IconSend, to: () => '/nominations' },
  { key: 'judging', roles: ['judge'], icon: IconGavel, to: () => '/judging' },
  { key: 'laoImport', roles: ['admin'], icon: IconFileImport, to: () => '/registry/lao-import' },
  { key: 'invitations', roles: ['admin', 'coordinator'], icon: IconMailForward, to: () => '/invitations' },
  { key: 'outbox', roles: ['admin'], icon: IconMail, to: () => '/outbox' },
  { key: 'users', roles: ['admin'], icon: IconUsers, to: () => '/users' },
];

export function navFor(user: User): NavItem[] {
  const out: NavItem[] = [];
  for (const r of RULES) {
    if (!r.roles.includes(user.role)) continue;
    const to = r.to(user);
    if (to) out.push({ key: r.key, to, icon: r.icon });
  }
  return out;
}
