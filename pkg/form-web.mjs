// Browser and bundler form entry: `import { validate } from 'prevent-plan-check/form'` loads
// the form module (JSON plans only, see ./form-init.mjs) with top-level await. For bundlers
// or targets without top-level await, `prevent-plan-check/form/init`.
import { init } from './form-init.mjs';

await init();

export * from './form-init.mjs';
export { default } from './form-init.mjs';
