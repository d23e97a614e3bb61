/** The schema version this build of the extension expects; the snapshot stamps it as crm_settings.schema_version's default. */
export const SCHEMA_VERSION = '5';
