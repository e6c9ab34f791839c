/**
 * @module @sluice/scaffolder
 * Backstage-compatible software templates (`scaffolder.backstage.io/v1beta3`): loading templates,
 * `${{ }}` templating with Backstage's filters, the action registry and the actions, and running a
 * task's steps. The HTTP task API and the durable task worker live in @sluice/server.
 */
export {};
