// Loaded on first use through element.ts (components few pages show).
export { ElEmpty, ElProgress, ElRadioButton, ElRadioGroup, ElTimeline, ElTimelineItem } from 'element-plus';
