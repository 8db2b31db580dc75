// A chart with its table view and CSV download: every figure can be read as numbers and taken away.
import { Button, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n';

export interface TableData {
  columns: string[];
  rows: (string | number | null)[][];
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM so spreadsheet programs read Thai correctly. */
export function downloadCsv(filename: string, data: TableData): void {
  const text = [data.columns, ...data.rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
  const url = URL.createObjectURL(new Blob(['\ufeff' + text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartCard({ title, name, chart, table, extra, note }: { title: string; name: string; chart: ReactNode; table: TableData; extra?: ReactNode; note?: ReactNode }) {
  const { t } = useTranslation(NS);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card withBorder padding="md" data-card={name}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Group gap="xs">
          {extra}
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('chart') },
              { value: 'table', label: t('table') },
            ]}
          />
          <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => downloadCsv(`${name}.csv`, table)}>
            {t('csv')}
          </Button>
        </Group>
      </Group>
      {view === 'chart' ? (
        chart
      ) : (
        <Table.ScrollContainer minWidth={400} maxHeight={420}>
          <Table striped withTableBorder stickyHeader fz="sm">
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((r, i) => (
                <Table.Tr key={i}>
                  {r.map((v, j) => (
                    <Table.Td key={j}>{v ?? '–'}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {note ? (
        <Text size="xs" c="dimmed" mt="xs">
          {note}
        </Text>
      ) : null}
    </Card>
  );
}
