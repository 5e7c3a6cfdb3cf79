// The configuration file watched while berth runs: keys and commands apply at once; engines need a restart.
import fs from 'node:fs';
import path from 'node:path';
import {type Dispatch, useEffect} from 'react';
import type {AppAction} from '../../state/app.js';
import {loadConfig} from '../configFile.js';
import {type Config, defaultConfig} from '../configTypes.js';
import {type Display, selectDisplay} from '../display.js';

/** What changed in the file that only a new start applies: the engines, and what berth starts with. */
export function selectRestartKeys(started: Config, now: Config): string[] {
	return (['engines', 'refresh', 'readOnly', 'view', 'logs', 'kiosk', 'alerts'] as const).filter(key => JSON.stringify(started[key]) !== JSON.stringify(now[key]));
}

export function useConfigFile(file: string, started: Config | undefined, setDisplay: (display: Display) => void, dispatch: Dispatch<AppAction>): void {
	useEffect(() => {
		if (file === '') return;
		let timer: NodeJS.Timeout | undefined;
		const reload = async () => {
			const loaded = await loadConfig({path: file, exists: fs.existsSync(file)}, false);
			if (!loaded.ok) {
				dispatch({type: 'message/show', message: {text: `Configuration not applied: ${loaded.error}`, tone: 'error'}});
				return;
			}

			const display = selectDisplay(loaded.config);
			setDisplay(display);
			const changed = selectRestartKeys(started ?? defaultConfig, loaded.config);
			const restart = changed.length > 0 ? ` ${changed.join(', ')}: at the next start (restart berth).` : '';
			const displaced = display.displaced === '' ? '' : ` ${display.displaced}.`;
			dispatch({type: 'message/show', message: {text: `Configuration reloaded: keys, commands, columns and colours applied.${displaced}${restart}`, tone: restart ? 'error' : 'info'}});
		};

		// The folder is watched: editors replace the file rather than write into it.
		let watcher: fs.FSWatcher | undefined;
		try {
			watcher = fs.watch(path.dirname(file), (_event, name) => {
				if (name !== null && name !== path.basename(file)) return;
				clearTimeout(timer);
				timer = setTimeout(() => void reload(), 150);
			});
			watcher.on('error', () => undefined);
		} catch {
			return;
		}

		return () => {
			clearTimeout(timer);
			watcher?.close();
		};
	}, [file, started, setDisplay, dispatch]);
}
