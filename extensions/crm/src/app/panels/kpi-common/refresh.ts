// Directus 12 re-runs each panel's `query()` when the dashboard refreshes (by hand or on its auto-refresh timer) and
// passes the result to the panel as `data`; the `now` it passes never changes. CRM panels load from /crm, so each asks
// Directus for one tiny row of the settings singleton (every role that may see a dashboard can read it) and reloads
// whenever a new answer arrives.
export const refreshSignalQuery = () => ({ collection: 'crm_settings', query: { fields: ['id'] } });
