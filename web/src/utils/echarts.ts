// Modular ECharts registration: only the chart types and components SafeCloud uses.
import * as echarts from 'echarts/core'
import { BarChart, GaugeChart, GraphChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, GaugeSeriesOption, GraphSeriesOption, PieSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'

echarts.use([
  BarChart,
  GaugeChart,
  GraphChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
])

export type ECOption = ComposeOption<
  | BarSeriesOption
  | GaugeSeriesOption
  | GraphSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>

export { echarts }
