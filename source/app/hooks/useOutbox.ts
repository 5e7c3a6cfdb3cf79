// Requests are data in the state; here they are carried out, and their outcomes dispatched back.
import {useApp, useStdin, useStdout} from 'ink';
import {type Dispatch, useEffect, useRef} from 'react';
import {type ContextEnvironment, type EngineChoice, selectEngines} from '../../engine/contexts.js';
import type {Engine} from '../../engine/types.js';
import type {AppAction} from '../../state/app.js';
import {type Request, selectChangedEngines} from '../../state/operations.js';
import {copyToClipboard} from '../clipboard.js';
import {runCustomRequest} from '../customRun.js';
import {pipeTerminal, runRequest, type TerminalHandover} from '../requests.js';
import {holdTerminalInput} from '../terminalInput.js';

export type OutboxOptions = {
	engineMap: ReadonlyMap<string, Engine>;
	size: {columns: number; rows: number};
	/** Makes an engine for a context chosen in the contexts view. */
	connect: ((choice: EngineChoice) => Engine) | undefined;
	environment: ContextEnvironment;
	replaceEngines: (engines: readonly Engine[]) => void;
	/** Engines read-only on their own: nothing that changes them is sent. */
	readOnlyEngines?: ReadonlySet<string> | undefined;
};

export function useOutbox(outbox: readonly Request[], dispatch: Dispatch<AppAction>, options: OutboxOptions): void {
	const {suspendTerminal} = useApp();
	const {stdin} = useStdin();
	const {stdout} = useStdout();
	const size = useRef(options.size);
	size.current = options.size;
	const {engineMap, connect, environment, replaceEngines, readOnlyEngines} = options;
	useEffect(() => {
		if (outbox.length === 0) return;
		dispatch({type: 'requests/taken', ids: outbox.map(request => request.id), at: Date.now()});
		const handOver: TerminalHandover = async (session, banner) =>
			suspendTerminal(async () => pipeTerminal(session, stdin as NodeJS.ReadStream, stdout as NodeJS.WriteStream, banner));
		for (const request of outbox) {
			const guarded = selectChangedEngines(request).find(engine => readOnlyEngines?.has(engine));
			if (guarded !== undefined) {
				const error = `the engine ${guarded} is read-only: nothing was sent to it`;
				const result = request.kind === 'container-action'
					? {kind: 'container-action' as const, failures: request.targets.map(target => ({name: target.name, error}))}
					: {kind: 'failed' as const, error: `${error[0]!.toUpperCase()}${error.slice(1)}.`};
				dispatch({type: 'request/finished', request, result});
				continue;
			}

			if (request.kind === 'use-context') {
				const chosen = selectEngines({hosts: [], contexts: [request.name], allContexts: false}, environment);
				if (!chosen.ok || !connect) {
					dispatch({type: 'request/finished', request, result: {kind: 'failed', error: chosen.ok ? 'cannot switch contexts here' : chosen.error}});
					continue;
				}

				const next = chosen.engines.map(choice => connect(choice));
				replaceEngines(next);
				dispatch({type: 'engines/replaced', names: next.map(engine => engine.name)});
				dispatch({type: 'view/switch', view: 'containers'});
				continue;
			}

			if (request.kind === 'clipboard') {
				dispatch({type: 'request/finished', request, result: copyToClipboard(request.text, process.env, bytes => stdout.write(bytes))});
				continue;
			}

			if (request.kind === 'custom') {
				const onTerminal = async (run: () => Promise<void>) => suspendTerminal(async () => {
					const release = holdTerminalInput(stdin as NodeJS.ReadStream);
					try {
						await run();
					} finally {
						release();
					}
				});
				void runCustomRequest(request, engineMap, onTerminal).then(result => {
					dispatch({type: 'request/finished', request, result});
				});
				continue;
			}

			void runRequest(engineMap, request, handOver, size.current, dispatch).then(result => {
				dispatch({type: 'request/finished', request, result});
			});
		}
	}, [outbox, engineMap, suspendTerminal, stdin, stdout, connect, environment, replaceEngines, readOnlyEngines, dispatch]);
}
