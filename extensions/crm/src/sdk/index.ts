// Types for client apps (shops, POS, mobile): the CRM's @directus/sdk schema and the POST /crm/events payloads.
//   const crm = createDirectus<CrmSchema>('https://crm.example.com').with(staticToken(token)).with(rest());
//   await crm.request(customEndpoint<CrmEventsResponse>({ path: '/crm/events', method: 'POST', body: JSON.stringify(request) }));
export type * from './schema';
export type * from './schema-loyalty';
export type {
	CrmEvent,
	CrmEventsRequest,
	CustomerRef,
	CustomerUpsertData,
	EventError,
	EventOutcome,
	EventStatus,
	EventType,
	InteractionChannel,
	InteractionLoggedData,
	InteractionType,
	Issue,
	LineKind,
	OrderChannel,
	OrderInput,
	OrderLineInput,
	OrderPaidData,
	OrderPlacedData,
	OrderRef,
	OrderStatus,
	OrderStatusData,
} from '../domain/events/types';
import type { EventOutcome } from '../domain/events/types';

/** The body POST /crm/events answers with (errors too, in Directus's shape, when a single event fails). */
export interface CrmEventsResponse {
	data: EventOutcome[];
	errors?: { message: string; extensions: { code: string; field?: string } }[];
}
