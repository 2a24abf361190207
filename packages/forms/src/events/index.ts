export { HosoChangeEvent } from './change-event.js';
export { HosoInvalidEvent } from './invalid-event.js';
