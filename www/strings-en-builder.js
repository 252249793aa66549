// The embed builder's words in English (www/embedbuilder.js builds the dialog), loaded when it opens.

export default {
  title: 'Embed code',
  panels: 'Charts',
  controls: 'Controls',
  lang: 'Language',
  langPage: "The reader's",
  theme: 'Theme',
  themes: { auto: 'Follow the system', light: 'Light', dark: 'Dark' },
  transparent: 'Transparent background',
  size: 'Size',
  sizes: { fit: 'Fit (800 wide, height follows the charts)', note: 'Note column 688 × 400', phone: 'Phone 360 × 640', custom: 'Custom' },
  width: 'W',
  height: 'H',
  step: 'Current step',
  includeStep: 'Include the current tour step',
  preview: 'Embed preview',
  code: 'Embed code',
  shown: (w, h, pct) => `Preview ${w} × ${h} px${pct < 100 ? `, scaled to ${pct}%` : ''}`,
  copy: { iframe: 'Copy iframe', markdown: 'Copy Markdown', element: 'Copy <sigmoid-lab> element', link: 'Copy link' },
  close: 'Close',
  controlNames: { train: 'training buttons', model: 'activation and cost', beans: 'beans', grid: 'grid', share: 'sharing', export: 'export' },
};
