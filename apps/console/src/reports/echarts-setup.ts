import { use } from 'echarts/core';
import { BarChart, BoxplotChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the report pages draw: bars (考核), box plots with outlier points (裁量一致性). This module is reached by
// dynamic import alone, so ECharts is a chunk of its own that the first load never fetches.
use([BarChart, BoxplotChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { init } from 'echarts/core';
