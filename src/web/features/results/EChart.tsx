// A small ECharts host: SVG renderer (crisp, testable, printable), resized with its container, disposed on unmount.
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

let mapRegistered: Promise<void> | null = null;

/** Registers the Thailand province map once (GeoJSON served by the API; names are DOPA codes). */
export function ensureThailandMap(): Promise<void> {
  mapRegistered ??= fetch('/api/results/provinces.geojson', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((geo) => {
      echarts.registerMap('thailand', geo as Parameters<typeof echarts.registerMap>[1]);
    });
  return mapRegistered;
}

export function EChart({ option, height = 320, label }: { option: echarts.EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, null, { renderer: 'svg' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} data-chart={label} style={{ width: '100%', height }} />;
}
