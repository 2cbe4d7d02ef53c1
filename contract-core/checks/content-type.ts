// content_type_conformance: the answer's media type is one documented for its status (JSON for a success,
// application/problem+json for a problem).
import { CLIENT_SHAPE, PUBLISHED, type Check } from './check.ts';

export const contentTypeConformance: Check<'content_type_conformance'> = {
  name: 'content_type_conformance',
  summary: 'the Content-Type is documented for the status',
  run({ status, documented, mediaType, contentType }) {
    if (!documented || documented.content.has(mediaType)) return [];
    return [
      {
        location: 'content-type',
        pointer: '/content-type',
        message: `Content-Type ${mediaType || '(none)'} is not documented for ${status}`,
        expected: [...documented.content.keys()],
        actual: contentType,
        ...(status < 300 ? { rule: 'JSON answers', evidence: CLIENT_SHAPE } : { rule: 'problems as application/problem+json', evidence: PUBLISHED }),
      },
    ];
  },
};
