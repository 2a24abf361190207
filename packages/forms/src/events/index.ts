export { HosoChangeEvent } from './change-event.js';
export { HosoInvalidEvent } from './invalid-event.js';
export { HosoStepChangeEvent } from './step-change-event.js';
