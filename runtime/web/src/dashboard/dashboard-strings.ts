// The dashboards' own words, in both languages.
import { addMessages } from '../i18n/strings';

addMessages({
  en: {
    'dashboard.title': 'Dashboard',
    'dashboard.intro': 'Your reports, over the records you may see. Click a bar, slice or stage to open its records.',
    'dashboard.empty': 'No reports you can run.',
    'dashboard.noData': 'No data yet',
    'dashboard.open': 'Open report',
    'dashboard.records': 'Records',
    'dashboard.showRecords': 'Show the records of {label}',
    'dashboard.data': 'Data',
    'dashboard.back': 'All reports',
    'dashboard.chartOf': 'Chart: {label}',
  },
  'zh-CN': {
    'dashboard.title': '仪表板',
    'dashboard.intro': '基于您可查看记录的报表。点击柱形、扇区或阶段即可打开对应的记录。',
    'dashboard.empty': '没有您可以运行的报表。',
    'dashboard.noData': '暂无数据',
    'dashboard.open': '打开报表',
    'dashboard.records': '记录',
    'dashboard.showRecords': '显示 {label} 的记录',
    'dashboard.data': '数据',
    'dashboard.back': '全部报表',
    'dashboard.chartOf': '图表：{label}',
  },
});
