// status_code_conformance: the status is one the operation documents. An undocumented success status breaks
// the client's shape; an undocumented error status breaks the closed list of the operation's codes.
import { CATALOG_RULES } from '../../generated/error-catalog.ts';
import type { Evidence } from '../evidence.ts';
import { CLIENT_SHAPE, type Check } from './check.ts';

export const statusCodeConformance: Check<'status_code_conformance'> = {
  name: 'status_code_conformance',
  summary: 'the status is documented for the operation',
  run({ operation, status, documented }) {
    if (documented) return [];
    const success = status < 300;
    return [
      {
        location: 'status',
        pointer: '/status',
        message: `status ${status} is not documented for ${operation.label}`,
        expected: [...operation.responses.keys()],
        actual: status,
        ...(success
          ? { rule: 'the success status of the client', evidence: CLIENT_SHAPE }
          : { rule: `the statuses of ${operation.operationId}`, evidence: CATALOG_RULES.closed_operation_codes as Evidence }),
      },
    ];
  },
};
