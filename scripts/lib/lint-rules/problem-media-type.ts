// contract/problem-media-type (bundle).
import type { Oas3Response, Oas3Rule, UserContext } from '@redocly/openapi-core';
import { PROBLEM_MEDIA_TYPE } from '../../../contract-core/conventions.ts';
import { isErrorStatus } from './common.ts';

/** Bundle: every 4xx/5xx is RFC 9457 problem+json and nothing else. */
const problemMediaType: Oas3Rule = () => ({
  Response(response: Oas3Response, ctx: UserContext) {
    if (!isErrorStatus(String(ctx.key))) return;
    const types = Object.keys(response.content ?? {});
    if (types.length !== 1 || types[0] !== PROBLEM_MEDIA_TYPE) {
      ctx.report({
        message: `error response ${String(ctx.key)} must have exactly ${PROBLEM_MEDIA_TYPE} content (has ${types.join(', ') || 'none'})`,
        location: ctx.location.key(),
      });
    }
  },
});

export default problemMediaType;
