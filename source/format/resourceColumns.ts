// Columns of the images, volumes, networks, events, contexts and swarm panes, as the docker CLI names them.
import type {ColumnSpec} from './table.js';

export type TableColumn = string;

export const imageColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'repository', title: 'REPOSITORY', min: 12, ideal: 40, priority: 0, grow: true},
	{id: 'tag', title: 'TAG', min: 6, ideal: 20, priority: 1},
	{id: 'id', title: 'IMAGE ID', min: 12, ideal: 12, priority: 2},
	{id: 'created', title: 'CREATED', min: 12, ideal: 24, priority: 4},
	{id: 'size', title: 'SIZE', min: 7, ideal: 9, priority: 3, align: 'right'},
	{id: 'containers', title: 'CONTAINERS', min: 10, ideal: 40, priority: 5, grow: true},
];

export const volumeColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'driver', title: 'DRIVER', min: 6, ideal: 8, priority: 3},
	{id: 'name', title: 'VOLUME NAME', min: 12, ideal: 64, priority: 0, grow: true},
	{id: 'size', title: 'SIZE', min: 7, ideal: 9, priority: 1, align: 'right'},
	{id: 'containers', title: 'CONTAINERS', min: 10, ideal: 40, priority: 2, grow: true},
	{id: 'mountpoint', title: 'MOUNTPOINT', min: 10, ideal: 60, priority: 4, grow: true},
];

export const networkColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'id', title: 'NETWORK ID', min: 12, ideal: 12, priority: 4},
	{id: 'name', title: 'NAME', min: 10, ideal: 30, priority: 0, grow: true},
	{id: 'driver', title: 'DRIVER', min: 6, ideal: 8, priority: 2},
	{id: 'scope', title: 'SCOPE', min: 5, ideal: 6, priority: 5},
	{id: 'subnet', title: 'SUBNET', min: 10, ideal: 20, priority: 1},
	{id: 'gateway', title: 'GATEWAY', min: 9, ideal: 16, priority: 6},
	{id: 'containers', title: 'CONTAINERS', min: 10, ideal: 60, priority: 3, grow: true},
];

export const eventColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'time', title: 'TIME', min: 8, ideal: 19, priority: 0},
	{id: 'type', title: 'TYPE', min: 7, ideal: 9, priority: 1},
	{id: 'action', title: 'ACTION', min: 8, ideal: 22, priority: 0},
	{id: 'name', title: 'NAME', min: 10, ideal: 36, priority: 1, grow: true},
	{id: 'details', title: 'DETAILS', min: 10, ideal: 80, priority: 2, grow: true},
];

export const contextColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'name', title: 'NAME', min: 8, ideal: 24, priority: 0},
	{id: 'description', title: 'DESCRIPTION', min: 10, ideal: 50, priority: 2, grow: true},
	{id: 'endpoint', title: 'DOCKER ENDPOINT', min: 12, ideal: 50, priority: 1, grow: true},
	{id: 'shown', title: 'IN BERTH', min: 8, ideal: 8, priority: 3},
];

export const serviceColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'id', title: 'ID', min: 12, ideal: 12, priority: 5},
	{id: 'name', title: 'NAME', min: 8, ideal: 30, priority: 0, grow: true},
	{id: 'mode', title: 'MODE', min: 6, ideal: 14, priority: 3},
	{id: 'replicas', title: 'REPLICAS', min: 8, ideal: 24, priority: 1},
	{id: 'image', title: 'IMAGE', min: 10, ideal: 40, priority: 2, grow: true},
	{id: 'ports', title: 'PORTS', min: 10, ideal: 40, priority: 4, grow: true},
];

export const taskColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'id', title: 'ID', min: 12, ideal: 12, priority: 6},
	{id: 'name', title: 'NAME', min: 8, ideal: 30, priority: 0, grow: true},
	{id: 'image', title: 'IMAGE', min: 10, ideal: 30, priority: 5},
	{id: 'node', title: 'NODE', min: 6, ideal: 20, priority: 2},
	{id: 'desired', title: 'DESIRED STATE', min: 13, ideal: 13, priority: 3},
	{id: 'current', title: 'CURRENT STATE', min: 13, ideal: 30, priority: 1},
	{id: 'error', title: 'ERROR', min: 8, ideal: 30, priority: 4, grow: true},
];

export const nodeColumns: ReadonlyArray<ColumnSpec<TableColumn>> = [
	{id: 'id', title: 'ID', min: 12, ideal: 27, priority: 5},
	{id: 'hostname', title: 'HOSTNAME', min: 8, ideal: 30, priority: 0, grow: true},
	{id: 'status', title: 'STATUS', min: 6, ideal: 12, priority: 1},
	{id: 'availability', title: 'AVAILABILITY', min: 12, ideal: 12, priority: 2},
	{id: 'manager', title: 'MANAGER STATUS', min: 14, ideal: 14, priority: 3},
	{id: 'version', title: 'ENGINE VERSION', min: 14, ideal: 20, priority: 4},
];
