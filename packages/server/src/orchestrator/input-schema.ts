/**
 * `GET /v2/workflows/{id}/inputSchema`: the workflow's `dataInputSchema` as its file holds it (`ui:*`
 * keys and all), or `{}` when it has none or the schema declares no properties. With `instanceId`,
 * `data` is that run's input restricted to the schema's top-level properties (to prefill "Run again").
 */
import { isObject, type JsonObject } from '@sluice/engine';
import type { AppContext } from '../app/context.js';
import type { WorkflowEntry } from '../workflows/workflow-registry.js';
import { requireInstance, type Caller } from './access.js';
import type { InputSchemaResponseDTO } from './dto.js';

export async function inputSchemaOf(ctx: AppContext, p: Caller, entry: WorkflowEntry, instanceId: string | undefined): Promise<InputSchemaResponseDTO> {
  const schema = entry.def?.dataInputSchema?.schema;
  const properties = schema?.properties;
  if (!schema || !isObject(properties) || Object.keys(properties).length === 0) {
    if (instanceId !== undefined) await requireInstance(ctx, p, instanceId, 'read', entry.id);
    return {};
  }
  if (instanceId === undefined) return { inputSchema: schema };
  const { state } = await requireInstance(ctx, p, instanceId, 'read', entry.id);
  const input = isObject(state.input) ? state.input : {};
  const data: JsonObject = {};
  for (const k of Object.keys(properties)) if (Object.hasOwn(input, k)) data[k] = input[k]!;
  return { inputSchema: schema, data };
}
