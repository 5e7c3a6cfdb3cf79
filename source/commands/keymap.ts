// The one keymap: input handling and the `?` overlay both read this table.
import type {Key} from 'ink';
import type {Mode, ViewName} from '../state/ui.js';

export type KeyAction =
	| 'move-up'
	| 'move-down'
	| 'page-up'
	| 'page-down'
	| 'move-first'
	| 'move-last'
	| 'filter-open'
	| 'filter-clear'
	| 'command-open'
	| 'stop'
	| 'start'
	| 'restart'
	| 'pause'
	| 'kill'
	| 'remove'
	| 'shell'
	| 'attach'
	| 'inspect'
	| 'top'
	| 'details'
	| 'mark'
	| 'mark-all'
	| 'mark-project'
	| 'pane-search'
	| 'search-next'
	| 'search-previous'
	| 'reveal'
	| 'back'
	| 'confirm-yes'
	| 'confirm-no'
	| 'confirm-volumes'
	| 'sort-next'
	| 'sort-reverse'
	| 'logs'
	| 'follow'
	| 'logs-filter'
	| 'toggle-timestamps'
	| 'toggle-wrap'
	| 'toggle-color'
	| 'save-logs'
	| 'more-backlog'
	| 'less-backlog'
	| 'view-containers'
	| 'view-images'
	| 'view-volumes'
	| 'view-networks'
	| 'view-events'
	| 'view-contexts'
	| 'view-services'
	| 'view-tasks'
	| 'view-nodes'
	| 'service-tasks'
	| 'service-scale-up'
	| 'service-scale-down'
	| 'service-scale'
	| 'service-update'
	| 'service-remove'
	| 'service-logs'
	| 'use-context'
	| 'run-form'
	| 'disk-usage'
	| 'image-history'
	| 'image-remove'
	| 'image-prune'
	| 'image-pull'
	| 'image-run'
	| 'volume-details'
	| 'volume-remove'
	| 'volume-prune'
	| 'network-inspect'
	| 'help-toggle'
	| 'quit';

/**
 * Where a binding applies: `list` in every list (containers, images, volumes, networks, events), and the
 * view's own scope in that view; `logs` in the logs pane; `pane` in details,
 * inspect and top; `confirm`
 * while a y / N question is asked; `global` everywhere but prompts.
 */
export type KeyScope = 'list' | 'containers' | 'images' | 'volumes' | 'networks' | 'services' | 'contexts' | 'logs' | 'pane' | 'confirm' | 'global';

export type KeyBinding = {
	action: KeyAction;
	/** Key names as keyNameOf produces them. */
	keys: readonly string[];
	scope: KeyScope;
	/** How the overlay and readme show the keys. */
	label: string;
	help: string;
	/** Changes a container: refused in read-only mode. */
	mutating?: boolean;
};

export const keymap: readonly KeyBinding[] = [
	{action: 'move-up', keys: ['up', 'k'], scope: 'list', label: 'Up / k', help: 'Select the row above'},
	{action: 'move-down', keys: ['down', 'j'], scope: 'list', label: 'Down / j', help: 'Select the row below'},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], scope: 'list', label: 'PgUp / Ctrl-B', help: 'Up one page'},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], scope: 'list', label: 'PgDn / Ctrl-F', help: 'Down one page'},
	{action: 'move-first', keys: ['home', 'g'], scope: 'list', label: 'g / Home', help: 'First row'},
	{action: 'move-last', keys: ['end', 'G'], scope: 'list', label: 'G / End', help: 'Last row'},
	{
		action: 'filter-open',
		keys: ['/'],
		scope: 'list',
		label: '/',
		help: 'Filter by name, image, status or project; Enter keeps it, Esc clears it',
	},
	{action: 'filter-clear', keys: ['escape'], scope: 'list', label: 'Esc', help: 'Clear the filter and the marks'},
	{
		action: 'command-open',
		keys: [':'],
		scope: 'list',
		label: ':',
		help: 'Command line: a view by name (:containers), Tab completes; :q quits',
	},
	{action: 'view-containers', keys: ['1'], scope: 'list', label: '1', help: 'Containers (:containers)'},
	{action: 'view-images', keys: ['2'], scope: 'list', label: '2', help: 'Images (:images)'},
	{action: 'view-volumes', keys: ['3'], scope: 'list', label: '3', help: 'Volumes (:volumes)'},
	{action: 'view-networks', keys: ['4'], scope: 'list', label: '4', help: 'Networks (:networks)'},
	{action: 'view-events', keys: ['5'], scope: 'list', label: '5', help: 'Events (:events)'},
	{action: 'view-services', keys: ['6'], scope: 'list', label: '6', help: 'Swarm services (:services)'},
	{action: 'view-tasks', keys: ['7'], scope: 'list', label: '7', help: 'Swarm tasks (:tasks)'},
	{action: 'view-nodes', keys: ['8'], scope: 'list', label: '8', help: 'Swarm nodes (:nodes)'},
	{action: 'view-contexts', keys: ['9'], scope: 'list', label: '9', help: 'Docker contexts (:contexts)'},
	{action: 'use-context', keys: ['return'], scope: 'contexts', label: 'Enter', help: 'Show this context\'s engine instead'},
	{action: 'disk-usage', keys: ['U'], scope: 'list', label: 'U', help: 'Disk usage, as docker system df'},
	{action: 'run-form', keys: ['R'], scope: 'list', label: 'R', help: 'Run a new container (a form, as docker run)', mutating: true},
	{action: 'image-history', keys: ['return'], scope: 'images', label: 'Enter', help: 'Layers (docker history)'},
	{action: 'image-run', keys: ['r'], scope: 'images', label: 'r', help: 'Run a container from this image (the form)', mutating: true},
	{action: 'image-pull', keys: ['p'], scope: 'images', label: 'p', help: 'Pull an image by name (repository/name:tag)', mutating: true},
	{action: 'image-remove', keys: ['d'], scope: 'images', label: 'd', help: 'Remove (asks; force when containers use it)', mutating: true},
	{action: 'image-prune', keys: ['D'], scope: 'images', label: 'D', help: 'Prune dangling images (asks; says what it reclaimed)', mutating: true},
	{action: 'volume-details', keys: ['return'], scope: 'volumes', label: 'Enter', help: 'Details: driver, mountpoint, size, containers'},
	{action: 'volume-remove', keys: ['d'], scope: 'volumes', label: 'd', help: 'Remove (asks; the engine refuses one in use)', mutating: true},
	{action: 'volume-prune', keys: ['D'], scope: 'volumes', label: 'D', help: 'Prune unused volumes (asks)', mutating: true},
	{action: 'network-inspect', keys: ['return', 'i'], scope: 'networks', label: 'Enter / i', help: 'Inspect: subnets, containers and their addresses'},
	{action: 'service-tasks', keys: ['return'], scope: 'services', label: 'Enter', help: 'Its tasks (docker service ps); Esc there shows all tasks'},
	{action: 'service-scale-up', keys: ['+'], scope: 'services', label: '+', help: 'Scale up by one replica', mutating: true},
	{action: 'service-scale-down', keys: ['-'], scope: 'services', label: '-', help: 'Scale down by one replica', mutating: true},
	{action: 'service-scale', keys: ['='], scope: 'services', label: '=', help: 'Scale to a number of replicas (typed)', mutating: true},
	{action: 'service-update', keys: ['u'], scope: 'services', label: 'u', help: 'Restart its tasks (docker service update --force)', mutating: true},
	{action: 'service-remove', keys: ['d'], scope: 'services', label: 'd', help: 'Remove (asks first)', mutating: true},
	{action: 'service-logs', keys: ['l'], scope: 'services', label: 'l', help: 'Logs of all its tasks, following'},
	{action: 'stop', keys: ['s'], scope: 'containers', label: 's', help: 'Stop (the engine\'s default timeout)', mutating: true},
	{action: 'start', keys: ['S'], scope: 'containers', label: 'S', help: 'Start', mutating: true},
	{action: 'restart', keys: ['r'], scope: 'containers', label: 'r', help: 'Restart', mutating: true},
	{action: 'pause', keys: ['p'], scope: 'containers', label: 'p', help: 'Pause, or unpause a paused container', mutating: true},
	{action: 'kill', keys: ['K'], scope: 'containers', label: 'K', help: 'Kill (asks first)', mutating: true},
	{
		action: 'remove',
		keys: ['d'],
		scope: 'containers',
		label: 'd',
		help: 'Remove (asks first; a running container is force-removed)',
		mutating: true,
	},
	{action: 'shell', keys: ['e'], scope: 'containers', label: 'e', help: 'Shell in the container (bash, else sh); exit returns', mutating: true},
	{action: 'attach', keys: ['a'], scope: 'containers', label: 'a', help: 'Attach to the main process; Ctrl-P Ctrl-Q detaches', mutating: true},
	{action: 'logs', keys: ['l'], scope: 'containers', label: 'l', help: 'Logs, following (of all marked containers, merged, when some are marked)'},
	{action: 'details', keys: ['return'], scope: 'containers', label: 'Enter', help: 'Details: image, command, ports, mounts, networks, env'},
	{action: 'inspect', keys: ['i'], scope: 'containers', label: 'i', help: 'Inspect document, searchable with /'},
	{action: 'top', keys: ['t'], scope: 'containers', label: 't', help: 'Processes (docker top), refreshed'},
	{action: 'sort-next', keys: ['o'], scope: 'containers', label: 'o', help: 'Sort by the next of: project, name, status, age, CPU, memory'},
	{action: 'sort-reverse', keys: ['O'], scope: 'containers', label: 'O', help: 'Reverse the sort order'},
	{action: 'mark', keys: [' '], scope: 'containers', label: 'Space', help: 'Mark or unmark; actions apply to all marked'},
	{action: 'mark-all', keys: ['*'], scope: 'containers', label: '*', help: 'Mark every shown container, or unmark all'},
	{action: 'mark-project', keys: ['P'], scope: 'containers', label: 'P', help: 'Mark the selected container\'s compose project'},
	{action: 'move-up', keys: ['up', 'k'], scope: 'logs', label: 'Up / k', help: 'Scroll up (stops following)'},
	{action: 'move-down', keys: ['down', 'j'], scope: 'logs', label: 'Down / j', help: 'Scroll down'},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], scope: 'logs', label: 'PgUp / Ctrl-B', help: 'Up one page (stops following)'},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], scope: 'logs', label: 'PgDn / Ctrl-F', help: 'Down one page'},
	{action: 'move-first', keys: ['home', 'g'], scope: 'logs', label: 'g / Home', help: 'Oldest line kept'},
	{action: 'follow', keys: ['end', 'G'], scope: 'logs', label: 'G / End', help: 'Newest line, and follow again'},
	{action: 'pane-search', keys: ['/'], scope: 'logs', label: '/', help: 'Search: matches highlighted, Enter jumps to the next'},
	{action: 'search-next', keys: ['n'], scope: 'logs', label: 'n', help: 'Next match'},
	{action: 'search-previous', keys: ['N'], scope: 'logs', label: 'N', help: 'Previous match'},
	{action: 'logs-filter', keys: ['f'], scope: 'logs', label: 'f', help: 'Filter: show only lines that contain a text (empty: all)'},
	{action: 'toggle-timestamps', keys: ['T'], scope: 'logs', label: 'T', help: 'Timestamps on or off'},
	{action: 'toggle-wrap', keys: ['w'], scope: 'logs', label: 'w', help: 'Wrap long lines on or off'},
	{action: 'toggle-color', keys: ['c'], scope: 'logs', label: 'c', help: 'The containers\' own colours on or off'},
	{action: 'save-logs', keys: ['s'], scope: 'logs', label: 's', help: 'Save the lines kept to a file (says where)'},
	{action: 'more-backlog', keys: ['+'], scope: 'logs', label: '+', help: 'Twice as many backlog lines (reloads)'},
	{action: 'less-backlog', keys: ['-'], scope: 'logs', label: '-', help: 'Half as many backlog lines (reloads)'},
	{action: 'back', keys: ['escape'], scope: 'logs', label: 'Esc', help: 'Back to the list (the log stream closes)'},
	{action: 'move-up', keys: ['up', 'k'], scope: 'pane', label: 'Up / k', help: 'Scroll up'},
	{action: 'move-down', keys: ['down', 'j'], scope: 'pane', label: 'Down / j', help: 'Scroll down'},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], scope: 'pane', label: 'PgUp / Ctrl-B', help: 'Scroll up one page'},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], scope: 'pane', label: 'PgDn / Ctrl-F', help: 'Scroll down one page'},
	{action: 'move-first', keys: ['home', 'g'], scope: 'pane', label: 'g / Home', help: 'Top'},
	{action: 'move-last', keys: ['end', 'G'], scope: 'pane', label: 'G / End', help: 'Bottom'},
	{action: 'pane-search', keys: ['/'], scope: 'pane', label: '/', help: 'Search; Enter jumps to the first match'},
	{action: 'search-next', keys: ['n'], scope: 'pane', label: 'n', help: 'Next match'},
	{action: 'search-previous', keys: ['N'], scope: 'pane', label: 'N', help: 'Previous match'},
	{action: 'reveal', keys: ['x'], scope: 'pane', label: 'x', help: 'Show or mask secret-looking environment values'},
	{action: 'back', keys: ['escape'], scope: 'pane', label: 'Esc', help: 'Back to the list'},
	{action: 'confirm-yes', keys: ['y', 'Y'], scope: 'confirm', label: 'y', help: 'Yes, do it'},
	{action: 'confirm-no', keys: ['n', 'N', 'escape', 'return'], scope: 'confirm', label: 'n / Esc / Enter', help: 'No (the default)'},
	{action: 'confirm-volumes', keys: ['v'], scope: 'confirm', label: 'v', help: 'Remove: also remove anonymous volumes (docker rm -v)'},
	{action: 'help-toggle', keys: ['?'], scope: 'global', label: '?', help: 'Show or hide this help'},
	{action: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', label: 'q / Ctrl-C', help: 'Quit and restore the terminal'},
];

export const scopeTitles: Record<KeyScope, string> = {
	list: 'Every list',
	containers: 'Containers',
	images: 'Images',
	volumes: 'Volumes',
	networks: 'Networks',
	services: 'Swarm services',
	contexts: 'Contexts',
	logs: 'Logs',
	pane: 'Details, inspect, top',
	confirm: 'Questions (y / N)',
	global: 'Everywhere',
};

/** A stable name for what Ink reports, so the table can be written in plain words. */
export function keyNameOf(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.escape) return 'escape';
	if (key.return) return 'return';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	return input;
}

export function isMutating(action: KeyAction): boolean {
	return keymap.some(binding => binding.action === action && binding.mutating === true);
}

/** The action bound to a key in a mode; prompts take their keys themselves, so nothing is bound there. */
export function resolveKeyAction(mode: Mode, name: string, view: ViewName = 'containers'): KeyAction | undefined {
	if (mode === 'filter' || mode === 'command' || mode === 'pane-search' || mode === 'logs-search' || mode === 'logs-filter') {
		return name === 'ctrl+c' ? 'quit' : undefined;
	}

	if (mode === 'confirm') {
		if (name === 'ctrl+c') return 'quit';
		return keymap.find(binding => binding.scope === 'confirm' && binding.keys.includes(name))?.action;
	}

	if (mode === 'help') {
		if (name === 'escape') return 'help-toggle';
		// The overlay scrolls with the list's movement keys.
		const movement = keymap.find(binding => binding.scope === 'list' && binding.keys.includes(name) && binding.action.startsWith('move-'));
		// (movement keys live in the `list` scope, shared by every list)
		if (movement && (movement.action === 'move-up' || movement.action === 'move-down')) return movement.action;
		const paging = keymap.find(binding => binding.scope === 'list' && binding.keys.includes(name) && binding.action.startsWith('page-'));
		if (paging) return paging.action;
	}

	const viewScope: KeyScope | undefined = (['containers', 'images', 'volumes', 'networks', 'services', 'contexts'] as const).find(scope => scope === view);
	const scopes: readonly KeyScope[] =
		mode === 'help'
			? ['global']
			: mode === 'pane'
				? ['pane', 'global']
				: mode === 'logs'
					? ['logs', 'global']
					: [...(viewScope ? [viewScope] : []), 'list', 'global'];
	return keymap.find(binding => scopes.includes(binding.scope) && binding.keys.includes(name))?.action;
}
