// A local engine's figures read from the kernel (kernelStats.ts): the same figures as the engine's own, no
// stats request to the engine, and the engine asked where the kernel cannot tell. On the real test engine.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {startEngineProxy, type EngineProxy} from '../support/engineProxy.js';
import {blockBytes, cgroupPaths, networkBytes, statValueIn, systemCpu} from '../../source/engine/kernelFormats.js';
import type {Engine, StatsSample} from '../../source/engine/types.js';
import {connectTestEngine} from '../support/berth.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
let proxy: EngineProxy | undefined;
let engine: Engine;

before(async () => {
	if (skip) return;
	proxy = await startEngineProxy(testDockerHost);
	engine = connectTestEngine('kernel', proxy.dockerHost);
});

after(async () => {
	await proxy?.close();
	if (!skip) await removeTestContainers(created);
});

const statsRequests = () => proxy!.requests().filter(request => request.route.endsWith('/stats'));

/** Follows a container's stats; resolves with the samples once `count` came or the stream ended. */
async function follow(id: string, count: number, during?: (samples: StatsSample[]) => Promise<void> | void, wanted?: {io?: boolean}): Promise<{samples: StatsSample[]; ended: boolean}> {
	const samples: StatsSample[] = [];
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			subscription.close();
			reject(new Error(`${samples.length} samples of ${count} in 20 s`));
		}, 20_000);
		const done = (ended: boolean) => {
			clearTimeout(timer);
			subscription.close();
			resolve({samples, ended});
		};

		const subscription = engine.streams.stats(
			id,
			sample => {
				samples.push(sample);
				void during?.(samples);
				if (samples.length >= count) done(false);
			},
			() => done(true),
			wanted,
		);
	});
}

test('a local container is followed from the kernel: no stats request, the engine\'s own figures', {skip}, async () => {
	const name = uniqueName('kbusy');
	created.push(name);
	const id = await runContainer({name, args: ['--memory', '64m'], cmd: ['sh', '-c', 'while :; do :; done']});
	proxy!.clear();
	const {samples} = await follow(id, 3);
	assert.deepEqual(statsRequests(), [], 'no stats request reached the engine');
	assert.ok(proxy!.requests().some(request => request.route === `/containers/${id}/json`), 'the engine was asked where the container is');
	const last = samples.at(-1)!;
	// Against the engine's one-shot sample of the same moment.
	const engineSample = await sampleFromEngine(id);
	assert.equal(last.memoryLimit, 64 * 1024 * 1024, 'the container\'s own limit');
	assert.equal(last.memoryLimit, engineSample.memoryLimit);
	assert.equal(last.onlineCpus, engineSample.onlineCpus, 'CPUs online');
	assert.equal(last.pids, engineSample.pids, 'PIDs');
	assert.ok(Math.abs(last.memoryUsage - engineSample.memoryUsage) < Math.max(512 * 1024, engineSample.memoryUsage * 0.25), `memory: kernel ${last.memoryUsage}, engine ${engineSample.memoryUsage}`);
	// The busy loop's CPU time and the machine's grow together: its share is a large part of one CPU.
	const share = (last.cpuTotal - last.preCpuTotal) / (last.systemCpu - last.preSystemCpu);
	assert.ok(share > 0.1 && share <= 1, `the busy loop's share of the machine: ${share}`);
	// The counters are the engine's own (CPU time and the machine's time are read a moment apart, within seconds).
	assert.ok(Math.abs(last.cpuTotal - engineSample.cpuTotal) < 5e9, `CPU time: kernel ${last.cpuTotal}, engine ${engineSample.cpuTotal}`);
	assert.ok(Math.abs(last.systemCpu - engineSample.systemCpu) < 10e9, `machine time: kernel ${last.systemCpu}, engine ${engineSample.systemCpu}`);
	assert.equal(last.networkRx! > 0 || last.networkTx! > 0 || engineSample.networkRx === 0, true, 'network counters where the engine has some');
	assert.equal(last.blockRead, engineSample.blockRead, 'block read');
	assert.equal(last.blockWrite, engineSample.blockWrite, 'block written');
});

test('rows sampled every few seconds: the engine is asked where the container is once, not at each sample', {skip}, async () => {
	const name = uniqueName('kpoll');
	created.push(name);
	const id = await runContainer({name, cmd: [...idleCmd]});
	proxy!.clear();
	const first = await engine.streams.sampleStats(id);
	assert.ok(first.systemCpu > first.preSystemCpu, 'the first sample is compared with a reading a moment before');
	for (let round = 0; round < 3; round++) await engine.streams.sampleStats(id, {oneShot: true});
	assert.deepEqual(statsRequests(), []);
	assert.equal(proxy!.requests().filter(request => request.route === `/containers/${id}/json`).length, 1, 'one inspect');
});

/** The engine's word alone, for the comparison. */
async function sampleFromEngine(id: string): Promise<StatsSample> {
	return connectTestEngine('engine', undefined, {engineStats: true}).streams.sampleStats(id, {oneShot: true});
}

test('BERTH_STATS=engine asks the engine, as docker stats does', {skip}, async () => {
	const name = uniqueName('kengine');
	created.push(name);
	const id = await runContainer({name, cmd: [...idleCmd]});
	process.env.BERTH_STATS = 'engine';
	let asking: Engine;
	try {
		asking = connectTestEngine('asking', proxy!.dockerHost);
	} finally {
		delete process.env.BERTH_STATS;
	}

	proxy!.clear();
	const sample = await asking.streams.sampleStats(id, {oneShot: true});
	assert.equal(statsRequests().length, 1);
	assert.ok(sample.memoryUsage > 0);
});

test('the kernel\'s figures match the engine\'s for block IO and network, and host networking counts none', {skip}, async () => {
	const bridged = uniqueName('kio');
	const host = uniqueName('khost');
	created.push(bridged, host);
	// Direct writes and reads, for block IO to count where the kernel counts it (this machine's VM disk shows
	// none to the engine and to berth alike: the equality below then holds zero against zero).
	const bridgedId = await runContainer({name: bridged, cmd: ['sh', '-c', 'dd if=/dev/zero of=/tmp/f bs=64k count=64 oflag=direct; dd if=/tmp/f of=/dev/null bs=64k iflag=direct; exec sleep 600']});
	const hostId = await runContainer({name: host, args: ['--network', 'host'], cmd: [...idleCmd]});
	await new Promise(resolve => setTimeout(resolve, 1500));
	for (const id of [bridgedId, hostId]) {
		const [ours, theirs] = await Promise.all([engine.streams.sampleStats(id, {oneShot: true}), sampleFromEngine(id)]);
		assert.equal(ours.blockWrite, theirs.blockWrite, 'block written');
		assert.equal(ours.blockRead, theirs.blockRead, 'block read');
		// Counters move by a packet or two at most in between.
		assert.ok(Math.abs(ours.networkRx! - theirs.networkRx!) < 2048, `received: kernel ${ours.networkRx}, engine ${theirs.networkRx}`);
		assert.ok(Math.abs(ours.networkTx! - theirs.networkTx!) < 2048, `sent: kernel ${ours.networkTx}, engine ${theirs.networkTx}`);
	}

	// Asked without its I/O, a sample leaves it out (only CPU, memory and PIDs read); the engine's always has it.
	const [bare, engineBare] = await Promise.all([engine.streams.sampleStats(bridgedId, {oneShot: true, io: false}), connectTestEngine('engine', undefined, {engineStats: true}).streams.sampleStats(bridgedId, {oneShot: true, io: false})]);
	assert.deepEqual([bare.networkRx, bare.networkTx, bare.blockRead, bare.blockWrite], [undefined, undefined, undefined, undefined], 'no I/O read');
	assert.ok(bare.memoryUsage > 0 && bare.pids > 0, 'the rest read');
	assert.equal(typeof engineBare.networkRx, 'number', "the engine's sample has its I/O still");
	const {samples: followedBare} = await follow(bridgedId, 2, undefined, {io: false});
	assert.deepEqual(followedBare.map(sample => [sample.networkRx, sample.blockRead]), [[undefined, undefined], [undefined, undefined]], 'followed without I/O');
	assert.ok(followedBare[1]!.cpuTotal >= followedBare[1]!.preCpuTotal && followedBare[1]!.preSystemCpu > 0, 'compared with the reading before');

	const [hostSample] = await Promise.all([engine.streams.sampleStats(hostId, {oneShot: true})]);
	assert.deepEqual([hostSample.networkRx, hostSample.networkTx], [0, 0], 'the host\'s network is not the container\'s');
	const shown = await docker('stats', '--no-stream', '--format', '{{.NetIO}}', host);
	assert.equal(shown, '0B / 0B', 'docker stats counts none either');
});

test('a restarted container goes on being read from the kernel; a stopped one is asked of the engine', {skip}, async () => {
	const name = uniqueName('krestart');
	created.push(name);
	const id = await runContainer({name, cmd: [...idleCmd]});
	proxy!.clear();
	let restarted = false;
	const {samples, ended} = await follow(id, 6, async list => {
		if (list.length === 2 && !restarted) {
			restarted = true;
			await docker('restart', '-t', '0', name);
		}
	});
	assert.equal(ended, false);
	const pids = await docker('inspect', '-f', '{{.State.Pid}}', name);
	assert.ok(Number(pids) > 0);
	assert.deepEqual(statsRequests(), [], 'still no stats request');
	assert.ok(samples.every(sample => sample.pids >= 1), 'every sample is of the running container');

	// Stopped, the kernel has nothing to tell: the engine is asked, and says what it says of a stopped container
	// (empty samples, as `docker stats` shows it).
	proxy!.clear();
	let stopped = false;
	const after = await follow(id, 6, async list => {
		if (list.length === 2 && !stopped) {
			stopped = true;
			await docker('stop', '-t', '0', name);
		}
	});
	assert.equal(statsRequests().length, 1, 'the engine\'s stream, once the kernel could not tell');
	assert.deepEqual([after.samples.at(-1)!.pids, after.samples.at(-1)!.memoryUsage], [0, 0], 'the engine\'s empty sample of a stopped container');
});

test('a container on another\'s network is asked of the engine', {skip}, async () => {
	const first = uniqueName('kfirst');
	const second = uniqueName('ksecond');
	created.push(first, second);
	await runContainer({name: first, cmd: [...idleCmd]});
	const secondId = await runContainer({name: second, args: ['--network', `container:${first}`], cmd: [...idleCmd]});
	proxy!.clear();
	await follow(secondId, 2);
	assert.equal(statsRequests().length, 1, 'one stream from the engine');
});

test('the kernel\'s files read as the engine reads them: cgroup v1 and v2, /proc/stat, net/dev', () => {
	const id = 'a'.repeat(64);
	const v1 = cgroupPaths(`12:pids:/docker/${id}\n4:cpu,cpuacct:/docker/${id}\n3:memory:/docker/${id}\n0::/docker/${id}\n`);
	assert.equal(v1.get('cpuacct'), `/docker/${id}`);
	assert.equal(v1.get('memory'), `/docker/${id}`);
	const v2 = cgroupPaths(`0::/system.slice/docker-${id}.scope\n`);
	assert.deepEqual([...v2], [['', `/system.slice/docker-${id}.scope`]]);
	// Read where the kernel wrote them: the bytes beyond `length` are an earlier file's, never read.
	const stale = (text: string) => Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from('\ntotal_inactive_file 77\nusage_usec 99\n', 'latin1')]);
	const statValue = (text: string, key: string) => statValueIn(stale(text), text.length, key);
	assert.equal(statValue('usage_usec 1234567\nuser_usec 1000000\n', 'usage_usec'), 1_234_567);
	assert.equal(statValue('cache 1\ninactive_file 8192\ntotal_inactive_file 4096\n', 'total_inactive_file'), 4096);
	assert.equal(statValue('cache 1\ninactive_file 8192\ntotal_inactive_file 4096\n', 'inactive_file'), 8192);
	assert.equal(statValue('cache 1\ninactive_file 8192\n', 'total_inactive_file'), undefined);
	assert.equal(statValue('user_usec 5\n', 'usage_usec'), undefined);
	assert.equal(statValue('usage', 'usage_usec'), undefined);
	const block = (text: string) => blockBytes(stale(text), text.length);
	assert.deepEqual(block('8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 0\n8:0 Total 12288\n8:16 Read 1\nTotal 12289\n'), {blockRead: 4097, blockWrite: 8192});
	// The last line without its newline; a field that only ends like Read; a line of a device alone.
	assert.deepEqual(block('8:0 Read 4096\n8:0 ReadAhead 5\n8:0\n8:16 Write 7'), {blockRead: 4096, blockWrite: 7});
	assert.deepEqual(block('Total 12289\n'), {blockRead: 0, blockWrite: 0});
	assert.deepEqual(block('8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n253:0 rbytes=1 wbytes=2 rios=1 wios=1 dbytes=0 dios=0\n'), {blockRead: 4097, blockWrite: 8194});
	assert.deepEqual(block('8:0 xrbytes=5 rbytes=3 wbytes=4'), {blockRead: 3, blockWrite: 4});
	assert.deepEqual(block(''), {blockRead: 0, blockWrite: 0});
	// user nice system idle iowait irq softirq (steal and the guests are not counted), in ticks of 10 ms.
	assert.deepEqual(systemCpu('cpu  1 2 3 4 5 6 7 8 9 10\ncpu0 1 1 1 1 1 1 1 0 0 0\ncpu1 0 1 2 3 4 5 6 0 0 0\nintr 5\n'), {systemCpu: 28 * 1e7, onlineCpus: 2});
	const dev = 'Inter-|   Receive |  Transmit\n face |bytes packets errs drop fifo frame compressed multicast|bytes packets errs drop fifo colls carrier compressed\n    lo: 100 1 0 0 0 0 0 0 100 1 0 0 0 0 0 0\n  eth0: 2000 20 0 0 0 0 0 0 3000 30 0 0 0 0 0 0\n  eth1: 5 1 0 0 0 0 0 0 7 1 0 0 0 0 0 0\n';
	assert.deepEqual(networkBytes(stale(dev), dev.length), {networkRx: 2005, networkTx: 3007});
	const loopbackOnly = dev.split('\n').slice(0, 3).join('\n');
	assert.deepEqual(networkBytes(stale(loopbackOnly), loopbackOnly.length), {networkRx: 0, networkTx: 0});
	// An interface named like the loopback's start counts.
	const lookalike = `${dev}   lo0: 11 1 0 0 0 0 0 0 13 1 0 0 0 0 0 0\n`;
	assert.deepEqual(networkBytes(stale(lookalike), lookalike.length), {networkRx: 2016, networkTx: 3020});
});
