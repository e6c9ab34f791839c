// The API server's validation of the served kinds, as far as the fake models it: object names,
// ResourceQuota and LimitRange quantities, LimitRange types, RoleBinding roleRef and subjects,
// NetworkPolicy podSelector and policyTypes.
import type { KubernetesResourceType } from './kubernetes-resources.js';
import { cause, type StatusCause } from './kubernetes-status.js';
import { isObject } from './field-ownership.js';
import { parseQuantity, QUANTITY_FORMAT_MESSAGE } from './parse-quantity.js';

type Obj = Record<string, unknown>;

/** A decode failure (answered 400) or field errors (answered 422). */
export type ValidationResult = { decodeError: string } | { causes: StatusCause[] };

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LIMIT_TYPES = ['Container', 'Pod', 'PersistentVolumeClaim'];
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Validates an object about to be stored; `previous` is the stored version on update. */
export function validateObject(type: KubernetesResourceType, object: Obj, previous?: Obj): ValidationResult {
  const decodeError = quantityDecodeError(type, object);
  if (decodeError) return { decodeError };
  const metadata = isObject(object['metadata']) ? object['metadata'] : {};
  const spec = isObject(object['spec']) ? object['spec'] : {};
  const causes = validateName(type, metadata['name']);
  if (type.kind === 'ResourceQuota') causes.push(...nonNegative(spec['hard'], 'spec.hard'));
  if (type.kind === 'LimitRange') causes.push(...limitItems(spec['limits']));
  if (type.kind === 'RoleBinding') causes.push(...roleBinding(object, previous));
  if (type.kind === 'NetworkPolicy') causes.push(...networkPolicy(object));
  return { causes };
}

/** `metadata.name` per the type's rule (DNS-1123 label, subdomain or path segment). */
export function validateName(type: KubernetesResourceType, name: unknown): StatusCause[] {
  if (typeof name !== 'string' || name === '') return [cause.required('metadata.name', 'name or generateName is required')];
  if (type.nameRule === 'pathSegment') {
    if (name === '.' || name === '..') return [cause.invalid('metadata.name', name, `may not be '${name}'`)];
    const bad = ['/', '%'].find((c) => name.includes(c));
    return bad ? [cause.invalid('metadata.name', name, `may not contain '${bad}'`)] : [];
  }
  const [pattern, message, max] = type.nameRule === 'dns1123Label' ? [LABEL, LABEL_MESSAGE, 63] : [SUBDOMAIN, SUBDOMAIN_MESSAGE, 253];
  const causes: StatusCause[] = [];
  if (name.length > max) causes.push(cause.invalid('metadata.name', name, `must be no more than ${max} characters`));
  if (!pattern.test(name)) causes.push(cause.invalid('metadata.name', name, message));
  return causes;
}

function quantityDecodeError(type: KubernetesResourceType, object: Obj): string | undefined {
  const spec = isObject(object['spec']) ? object['spec'] : {};
  const maps: unknown[] = [];
  if (type.kind === 'ResourceQuota') maps.push(spec['hard']);
  if (type.kind === 'LimitRange' && Array.isArray(spec['limits'])) {
    for (const item of spec['limits']) if (isObject(item)) maps.push(item['max'], item['min'], item['default'], item['defaultRequest'], item['maxLimitRequestRatio']);
  }
  const bad = maps.some((m) => isObject(m) && Object.values(m).some((v) => parseQuantity(v) === undefined));
  return bad ? `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${QUANTITY_FORMAT_MESSAGE}` : undefined;
}

function nonNegative(values: unknown, field: string): StatusCause[] {
  if (!isObject(values)) return [];
  return Object.entries(values)
    .filter(([, v]) => (parseQuantity(v) ?? 0) < 0)
    .map(([k, v]) => cause.invalid(`${field}[${k}]`, String(v), 'must be greater than or equal to 0'));
}

function limitItems(limits: unknown): StatusCause[] {
  if (!Array.isArray(limits)) return [cause.required('spec.limits')];
  return limits.flatMap((item: unknown, i) => {
    const field = `spec.limits[${i}]`;
    if (!isObject(item)) return [cause.invalid(field, item, 'must be an object')];
    const kind = item['type'];
    if (typeof kind !== 'string' || kind === '') return [cause.required(`${field}.type`)];
    if (!LIMIT_TYPES.includes(kind)) return [cause.notSupported(`${field}.type`, kind, LIMIT_TYPES)];
    return ['max', 'min', 'default', 'defaultRequest'].flatMap((k) => nonNegative(item[k], `${field}.${k}`));
  });
}

function roleBinding(object: Obj, previous?: Obj): StatusCause[] {
  const causes: StatusCause[] = [];
  const ref = isObject(object['roleRef']) ? object['roleRef'] : {};
  if (ref['apiGroup'] !== RBAC_GROUP) {
    causes.push(ref['apiGroup'] ? cause.notSupported('roleRef.apiGroup', ref['apiGroup'], [RBAC_GROUP]) : cause.required('roleRef.apiGroup'));
  }
  if (ref['kind'] !== 'Role' && ref['kind'] !== 'ClusterRole') {
    causes.push(ref['kind'] ? cause.notSupported('roleRef.kind', ref['kind'], ['Role', 'ClusterRole']) : cause.required('roleRef.kind'));
  }
  if (typeof ref['name'] !== 'string' || ref['name'] === '') causes.push(cause.required('roleRef.name'));
  if (previous && isObject(previous['roleRef']) && JSON.stringify(previous['roleRef']) !== JSON.stringify(ref)) {
    causes.push(cause.invalid('roleRef', ref, 'cannot change roleRef'));
  }
  const subjects = Array.isArray(object['subjects']) ? (object['subjects'] as unknown[]) : [];
  subjects.forEach((subject, i) => causes.push(...roleSubject(isObject(subject) ? subject : {}, `subjects[${i}]`)));
  return causes;
}

function roleSubject(subject: Obj, field: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (typeof subject['name'] !== 'string' || subject['name'] === '') causes.push(cause.required(`${field}.name`));
  const kind = subject['kind'];
  const group = subject['apiGroup'] ?? '';
  if (kind === 'ServiceAccount') {
    if (group !== '') causes.push(cause.notSupported(`${field}.apiGroup`, group, ['']));
  } else if (kind === 'User' || kind === 'Group') {
    if (group !== RBAC_GROUP) causes.push(cause.notSupported(`${field}.apiGroup`, group, [RBAC_GROUP]));
  } else {
    causes.push(cause.notSupported(`${field}.kind`, kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return causes;
}

function networkPolicy(object: Obj): StatusCause[] {
  const spec = isObject(object['spec']) ? object['spec'] : {};
  const causes: StatusCause[] = [];
  // The Go type's podSelector is a struct: absent reads as {} (every pod), so only a non-map is rejected.
  if (spec['podSelector'] !== undefined && !isObject(spec['podSelector'])) causes.push(cause.invalid('spec.podSelector', spec['podSelector'], 'must be a label selector'));
  const types = Array.isArray(spec['policyTypes']) ? (spec['policyTypes'] as unknown[]) : [];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') causes.push(cause.notSupported(`spec.policyTypes[${i}]`, t, ['Egress', 'Ingress']));
  });
  return causes;
}
