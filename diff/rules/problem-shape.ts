// The shape every error shares: the problem details (`Problem`, and `ValidationProblem` for 422). A field removed,
// retyped or no longer always sent breaks every client's error handling at once; reported once here rather than
// for each operation and status.
import { compareFields, fieldsOf, type FieldChange } from '../lib/fields.ts';
import type { Change } from '../lib/finding.ts';
import { objectAt, pointer } from '../lib/json.ts';
import type { Rule } from './rule.ts';

const SCHEMAS = ['Problem', 'ValidationProblem'] as const;

const CHECKS: Record<FieldChange['kind'], string> = {
  removed: 'problem-field-removed',
  retyped: 'problem-field-retyped',
  optional: 'problem-field-optional',
  'enum-value-added': 'problem-enum-value-added',
  added: 'problem-field-added',
};

const schemaOf = (document: Record<string, unknown>, name: string): unknown => objectAt(document, objectAt(document, document['components'])['schemas'])[name];

export const problemShapeRule: Rule = {
  checks: Object.values(CHECKS),
  run(base, head) {
    // ValidationProblem includes Problem: a change to a shared field is reported once, on Problem.
    const shared = new Set(
      [base, head].flatMap(({ document }) => {
        const problem = schemaOf(document, 'Problem');
        return problem === undefined ? [] : [...fieldsOf(document, problem).keys()];
      }),
    );
    return SCHEMAS.flatMap((name) => {
      const before = schemaOf(base.document, name);
      const after = schemaOf(head.document, name);
      if (before === undefined || after === undefined) return [];
      const changes = compareFields(fieldsOf(base.document, before), fieldsOf(head.document, after));
      return changes
        .filter((field) => name === 'Problem' || !shared.has(field.field))
        .map(
          (field): Change => ({
            check: CHECKS[field.kind],
            operation: null,
            pointer: pointer('components', 'schemas', name) + field.pointer,
            document: 'bundle',
            message: `${name}: ${field.detail}, in every error response`,
          }),
        );
    });
  },
};
