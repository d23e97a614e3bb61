// Type of this panel's single-file component for tsc (the extensions SDK's bundler compiles the .vue itself).
declare module '*/kpi-card-panel.vue' {
	import type { DefineComponent } from 'vue';
	const component: DefineComponent<object, object, unknown>;
	export default component;
}
