/**
 * `@hoso/elements`: the composition root. `<hoso-procedure>`, `<hoso-case-list>`, `<hoso-case-timeline>`.
 */
export {};
