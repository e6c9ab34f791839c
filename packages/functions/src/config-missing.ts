/** The error invokers raise when configuration they need (a base URL, a host) is missing or unusable. */
import { WorkflowError } from '@sluice/engine';

/**
 * Error code for a missing or unusable configuration key. Its message names the key to set.
 * Not retryable: retrying cannot help until the configuration changes.
 */
export const CONFIG_MISSING = 'CONFIG_MISSING';

/**
 * A WorkflowError with code `CONFIG_MISSING`, name `ConfigMissing`, not retryable.
 *
 * @example throw configMissing('set quarkus.rest-client.gitlab_openapi_yaml.url to the base URL of specs/gitlab-openapi.yaml')
 */
export function configMissing(message: string): WorkflowError {
  return new WorkflowError({ code: CONFIG_MISSING, name: 'ConfigMissing', message, retryable: false });
}
