// Events: every state change the sandbox makes (state.ts records them), read and filtered here.
import type { ApiRequest, Route } from './route.ts';
import { filters, find, list } from './common.ts';

function events(request: ApiRequest) {
  const query = filters(request.query, { resource_id: 'string', object: 'string', type: 'string' });
  return list(request.state.events, request, query);
}

export const eventRoutes: Route[] = [
  { method: 'GET', path: '/v2/events', operationId: 'getAllEvents', handle: events },
  { method: 'GET', path: '/v2/events/{event_id}', operationId: 'getEvent', handle: (r) => find(r.state.events, r.params['event_id']!, 'event') },
];
