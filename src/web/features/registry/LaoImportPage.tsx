// LAO list import (CSV or XLSX): all rows are checked; on any bad row nothing is imported and every problem is listed.
import { Alert, Anchor, Breadcrumbs, Button, FileInput, Group, List, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { ImportResult } from '../../api/types';
import { useFormat } from '../../components/format';
import { ErrorAlert, PageHeader } from '../../components/ui';

export default function LaoImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const r = await api.upload<ImportResult>('/api/registry/lao-import', form);
      setResult(r);
      void client.invalidateQueries({ queryKey: ['organisations'] });
      void client.invalidateQueries({ queryKey: ['registry-summary'] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const details = error instanceof ApiError ? error.details : [];

  return (
    <Stack gap="lg">
      <Breadcrumbs aria-label={t('a11y.breadcrumbs')}>
        <Anchor component={Link} to="/registry" size="sm">
          {t('registry.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('nav.laoImport')}
        </Text>
      </Breadcrumbs>
      <PageHeader title={t('laoImport.title')} description={t('laoImport.description')} />
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="md">
            <FileInput
              label={t('laoImport.file')}
              description={t('laoImport.fileHelp')}
              placeholder={t('laoImport.choose')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              value={file}
              onChange={(v) => {
                setFile(v);
                setResult(null);
                setError(null);
              }}
              clearable
            />
            <Text size="sm" fw={500}>
              {t('laoImport.columnsTitle')}
            </Text>
            <List size="sm" spacing={2}>
              {(t('laoImport.columns', { returnObjects: true }) as string[]).map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button type="submit" disabled={!file} loading={busy} leftSection={<IconUpload size={18} aria-hidden />}>
                {t('laoImport.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {result ? (
        <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} title={t('laoImport.doneTitle')} role="status">
          {t('laoImport.done', { imported: f.number(result.imported), updated: f.number(result.updated) })}
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} title={t('laoImport.failedTitle')} /> : null}
      {details.length > 0 ? (
        <Paper withBorder radius="md" component="section" aria-labelledby="import-errors">
          <Title order={2} size="h3" id="import-errors" p="lg" pb="sm">
            {t('laoImport.rowErrors', { count: details.length })}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing="xs" horizontalSpacing="lg" data-testid="import-errors">
              <VisuallyHidden component="caption">{t('laoImport.rowErrors', { count: details.length })}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={160}>
                    {t('laoImport.where')}
                  </Table.Th>
                  <Table.Th scope="col">{t('laoImport.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {details.map((d, i) => (
                  <Table.Tr key={`${d.path}-${i}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.en ? d.path : d.path.replace(/^row\b/, 'แถว').replace(/\bcolumn\b/, 'คอลัมน์')}</Table.Td>
                    <Table.Td>{(f.en ? d.en : d.th).replace(/^(แถว|row) \d+:\s*/i, '')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
