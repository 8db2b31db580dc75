// Thai/English switch; the choice persists (see i18n/index.ts).
import { SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={i18n.language === 'en' ? 'en' : 'th'}
      onChange={(v) => void i18n.changeLanguage(v)}
      data={[
        { value: 'th', label: <span lang="th">ไทย</span> },
        {
          value: 'en',
          label: (
            <span lang="en">
              <Text span inherit visibleFrom="xs">
                English
              </Text>
              <Text span inherit hiddenFrom="xs">
                EN
              </Text>
            </span>
          ),
        },
      ]}
    />
  );
}
