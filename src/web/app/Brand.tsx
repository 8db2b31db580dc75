// Product name block used in the header and on the public pages.
import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconChartDonut3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon size={compact ? 34 : 40} radius="md" variant="filled" aria-hidden>
        <IconChartDonut3 size={compact ? 20 : 24} />
      </ThemeIcon>
      <Stack gap={0}>
        <Text fw={600} size={compact ? 'md' : 'lg'} lh={1.35} lineClamp={1} visibleFrom={compact ? 'xs' : undefined}>
          {t('app.name')}
        </Text>
        <Text size="xs" c="dimmed" lh={1.35} lineClamp={1} visibleFrom={compact ? 'sm' : undefined}>
          {t('app.subname')}
        </Text>
      </Stack>
    </Group>
  );
}
