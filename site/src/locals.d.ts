/** What every request carries: the campaign its page renders (see middleware.ts and render/runtime.ts). */
declare namespace App {
  interface Locals {
    campaign: import('./lib/campaign').Campaign;
    /** A draft's preview (render/runtime.ts preview()): banner, noindex. */
    draft?: boolean;
  }
}
