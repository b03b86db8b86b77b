/**
 * One Apache ECharts chart. Only the charts and components the pages use are registered
 * (echarts/core), so the admin bundle carries a fraction of the library.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

type ChartOption = echarts.EChartsCoreOption;

export const EChart = ({ option, height = 280, label }: { option: ChartOption; height?: number; label: string }) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // Drawn again only when what it shows changed (`drawn`, the option's content): callers make a
  // new option object on every render (a select changing, a reload starting), and each redraw
  // replays the animation.
  const drawn = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, ...option }, true);
  }, [drawn, label]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
};

/** A bar per row of a grouping, longest first, labelled in Chinese: horizontal, so long names read. */
export function barsOf(rows: Array<{ label: string; count: number }>, color = '#4945ff'): ChartOption {
  const shown = [...rows].reverse();
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((row) => row.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', data: shown.map((row) => row.count), itemStyle: { color }, label: { show: true, position: 'right' } }],
  };
}

/** Counts over time (days or weeks). */
export function timelineOf(rows: Array<{ label: string; count: number }>, kind: 'line' | 'bar'): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map((row) => row.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: kind,
        data: rows.map((row) => row.count),
        smooth: kind === 'line',
        itemStyle: { color: '#4945ff' },
        areaStyle: kind === 'line' ? { opacity: 0.12 } : undefined,
      },
    ],
  };
}
