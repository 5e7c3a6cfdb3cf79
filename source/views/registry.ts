// Every view berth has, in the order of their keys (the digits, then the letters). Adding a view: a file in this folder, and a line here.
import {alertsView} from './alerts.js';
import {containersView} from './containers.js';
import {contextsView} from './contexts.js';
import {eventsView} from './events.js';
import {imagesView} from './images.js';
import {networksView} from './networks.js';
import {pulseView} from './pulse.js';
import {nodesView} from './nodes.js';
import {projectsView} from './projects.js';
import {servicesView} from './services.js';
import {tasksView} from './tasks.js';
import type {View} from './types.js';
import {volumesView} from './volumes.js';

export const views: readonly View[] = [
	containersView,
	imagesView,
	volumesView,
	networksView,
	eventsView,
	servicesView,
	tasksView,
	nodesView,
	contextsView,
	projectsView,
	alertsView,
	pulseView,
];

/** The view of a name; an unknown name (none is stored) falls back to the containers. */
export function selectView(name: string): View {
	return views.find(view => view.name === name) ?? containersView;
}
