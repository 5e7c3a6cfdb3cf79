// The app's subscriptions against the real test engine: events become state, and nothing stays open.
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {startEngineSync} from '../../source/app/engineSync.js';
import {StatsFollower} from '../../source/app/statsFollower.js';
import {type AppAction, type AppState, createAppState, reduceApp} from '../../source/model/app.js';
import {selectContainerRows} from '../../source/model/rows.js';
import {connectTestEngine, until} from '../support/berth.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
after(async () => {
	if (!skip) await removeTestContainers(created);
});

/** The app's state is in this process: look at it every 20 ms. */
const poll = {intervalMs: 20};

test('engine sync turns outside changes into state, and stops cleanly', {skip}, async () => {
	const engine = connectTestEngine();
	let state: AppState = createAppState(Date.now());
	const dispatch = (action: AppAction) => {
		state = reduceApp(state, action);
	};

	const stop = startEngineSync(engine, dispatch, {resyncMs: 600_000, retryMinMs: 100, retryMaxMs: 1000});
	const row = (name: string) => selectContainerRows(state.containers, state.stats, '', Date.now()).find(entry => entry.name === name);
	try {
		await until(() => state.connection.get('test')?.status === 'connected', 'connected', poll);
		const name = uniqueName('sync');
		created.push(name);
		await runContainer({name, cmd: [...idleCmd]});
		await until(() => row(name)?.state === 'running', 'running', poll);
		await docker('pause', name);
		await until(() => row(name)?.state === 'paused', 'paused', poll);
		await docker('rm', '-f', name);
		await until(() => row(name) === undefined, 'removed', poll);
		assert.equal(engine.openStreams(), 1, 'only the event stream is open');
	} finally {
		stop();
	}

	assert.equal(engine.openStreams(), 0, 'stopping closes the event stream');
});

test('stats follow only what is wanted; switching 100 times leaves no stream open', {skip}, async () => {
	const engine = connectTestEngine();
	const names = [uniqueName('st'), uniqueName('st'), uniqueName('st')];
	created.push(...names);
	const ids = [];
	for (const name of names) ids.push(await runContainer({name, cmd: [...idleCmd]}));

	let state: AppState = createAppState(Date.now());
	const follower = new StatsFollower(new Map([['test', engine]]), action => {
		state = reduceApp(state, action);
	}, 100);
	try {
		follower.follow(ids.map(id => ({engine: 'test', id})));
		await until(() => state.stats.size === 3, 'three stats', poll);
		for (let round = 0; round < 100; round++) {
			follower.follow([{engine: 'test', id: ids[round % 3]!}]);
		}

		assert.equal(follower.openCount(), 1);
		await until(() => engine.openStreams() === 1, 'one stream', poll);
		follower.follow([]);
		assert.equal(follower.openCount(), 0);
		assert.equal(engine.openStreams(), 0);
	} finally {
		follower.close();
	}

	assert.equal(engine.openStreams(), 0);
});
