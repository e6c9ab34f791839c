/**
 * The set of actions a scaffolder can run. Registering an id twice raises `ACTION_CONFLICT`, an
 * unknown id raises `ACTION_NOT_FOUND`, and input is checked against the action's input schema
 * (`INPUT_INVALID`) before a handler is called.
 */
import type { ValidateFunction } from 'ajv';
import { ScaffolderError } from '../errors/scaffolder-error.js';
import { createAjv } from '../template/ajv-instance.js';
import type { ActionDescription, TemplateAction } from './template-action.js';

// Actions are stored with their input erased; the registry checks input against the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = TemplateAction<any>;

/**
 * Registry of actions.
 *
 * @example
 * const registry = new ActionRegistry();
 * registry.register(createDebugLogAction());
 * registry.get('debug:log');
 */
export class ActionRegistry {
  readonly #actions = new Map<string, { action: AnyAction; validate?: ValidateFunction }>();
  readonly #ajv = createAjv();

  /** Adds `action`; its input schema must compile. */
  register(action: AnyAction): this {
    if (this.#actions.has(action.id)) {
      throw new ScaffolderError('ACTION_CONFLICT', `Template action with ID '${action.id}' has already been registered`);
    }
    let validate: ValidateFunction | undefined;
    if (action.schema?.input) {
      try {
        validate = this.#ajv.compile(action.schema.input);
      } catch (err) {
        throw new ScaffolderError(
          'INPUT_INVALID',
          `Template action '${action.id}' has an invalid input schema: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
    }
    this.#actions.set(action.id, validate ? { action, validate } : { action });
    return this;
  }

  /** True when `id` is registered. */
  has(id: string): boolean {
    return this.#actions.has(id);
  }

  /** The action registered as `id`; `ACTION_NOT_FOUND` otherwise. */
  get(id: string): AnyAction {
    const entry = this.#actions.get(id);
    if (!entry) throw new ScaffolderError('ACTION_NOT_FOUND', `Template action with ID '${id}' is not registered.`);
    return entry.action;
  }

  /** Throws `INPUT_INVALID` listing each problem when `input` does not match the input schema of `id`. */
  validateInput(id: string, input: unknown): void {
    this.get(id);
    const validate = this.#actions.get(id)?.validate;
    if (!validate || validate(input)) return;
    const problems = (validate.errors ?? []).map((e) => {
      const where = e.instancePath === '' ? 'input' : `input${e.instancePath.replace(/\//g, '.')}`;
      if (e.keyword === 'required') return `${where} requires property "${(e.params as { missingProperty: string }).missingProperty}"`;
      return `${where} ${e.message ?? 'is invalid'}`;
    });
    throw new ScaffolderError('INPUT_INVALID', `Invalid input passed to action ${id}, ${problems.join('; ')}`, {
      details: validate.errors,
    });
  }

  /** Every action, for `GET /v2/actions`, in registration order. */
  list(): ActionDescription[] {
    return [...this.#actions.values()].map(({ action }) => ({
      id: action.id,
      ...(action.description !== undefined ? { description: action.description } : {}),
      ...(action.examples !== undefined ? { examples: action.examples } : {}),
      schema: {
        ...(action.schema?.input !== undefined ? { input: action.schema.input } : {}),
        ...(action.schema?.output !== undefined ? { output: action.schema.output } : {}),
      },
    }));
  }
}
