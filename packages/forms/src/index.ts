export { schemaKey } from './validation/index.js';
