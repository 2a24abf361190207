/** `<hoso-case-timeline>` and its read model of a person's cases. */
export { HosoCaseTimeline } from './hoso-case-timeline.js';
export { HosoCaseOpenEvent } from '../events/case-open.js';
export { timeline, type TimelineCase, type TimelineStep, type TimelineDocument } from './timeline-model.js';
