// The embed builder's words in Chinese (www/embedbuilder.js builds the dialog), loaded when it opens.

export default {
  title: '嵌入代码',
  panels: '图表',
  controls: '控件',
  lang: '语言',
  langPage: '跟随读者',
  theme: '主题',
  themes: { auto: '跟随系统', light: '浅色', dark: '深色' },
  transparent: '背景透明',
  size: '大小',
  sizes: { fit: '自动（宽 800，高度随图表）', note: '笔记栏 688 × 400', phone: '手机 360 × 640', custom: '自定义' },
  width: '宽',
  height: '高',
  step: '当前步骤',
  includeStep: '包含当前的导览步骤',
  preview: '嵌入预览',
  code: '嵌入代码',
  shown: (w, h, pct) => `预览 ${w} × ${h} 像素${pct < 100 ? `，缩放到 ${pct}%` : ''}`,
  copy: { iframe: '复制 iframe', markdown: '复制 Markdown', element: '复制 <sigmoid-lab> 元素', link: '复制链接' },
  close: '关闭',
  controlNames: { train: '训练按钮', model: '激活函数与代价', beans: '豆豆', grid: '网格', share: '分享', export: '导出' },
};
