// berth's figures against `docker stats --no-stream` for the same containers, on the real test engine.
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import Docker from 'dockerode';
import {parseEngineAddress} from '../../source/engine/address.js';
import {dockerOptions} from '../../source/engine/connection.js';
import {createStreams} from '../../source/engine/streams.js';
import type {EngineStreams, StatsSample} from '../../source/engine/types.js';
import {formatBytes, formatInOut, formatMemoryUsage} from '../../source/format/units.js';
import {calculateFigures, type ContainerFigures} from '../../source/state/stats.js';
import {connectTestEngine} from '../support/berth.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
after(async () => {
	if (!skip) await removeTestContainers(created);
});

const binary: Record<string, number> = {B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4};

/** `520KiB` -> bytes, as the CLI printed it. */
function parseBinary(text: string): number {
	const match = /^([\d.]+)([KMGT]?i?B)$/.exec(text.trim());
	assert.ok(match, `a size: ${text}`);
	return Number(match[1]) * (binary[match[2]!] ?? Number.NaN);
}

/** Follows a container's stats until a few samples came, and returns the last figures. */
async function figuresOf(id: string, streams: EngineStreams = connectTestEngine().streams): Promise<ContainerFigures> {
	let figures: ContainerFigures | undefined;
	let count = 0;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no stats samples')), 15_000);
		const subscription = streams.stats(
			id,
			(sample: StatsSample) => {
				figures = calculateFigures(sample, figures);
				if (++count >= 3) {
					clearTimeout(timer);
					subscription.close();
					resolve();
				}
			},
			() => undefined,
		);
	});
	return figures!;
}

/** The list's way: a first sample that waits for two readings, then one-shot samples a second apart. */
async function polledFiguresOf(id: string): Promise<ContainerFigures> {
	const engine = connectTestEngine();
	let figures = calculateFigures(await engine.streams.sampleStats(id));
	for (let round = 0; round < 2; round++) {
		await new Promise(resolve => setTimeout(resolve, 1000));
		figures = calculateFigures(await engine.streams.sampleStats(id, {oneShot: true}), figures);
	}

	return figures;
}

/** The streams as an engine over TLS or ssh has them: dockerode's HTTP client, not berth's own (plainHttp.ts). */
function dockerodeStreams(): EngineStreams {
	const parsed = parseEngineAddress(testDockerHost, {});
	assert.ok(parsed.ok);
	return createStreams(new Docker(dockerOptions(parsed.address)), new Set());
}

for (const [way, sample] of [
	['streamed (the details pane)', (id: string) => figuresOf(id)],
	['streamed through dockerode (an engine over TLS or ssh)', (id: string) => figuresOf(id, dockerodeStreams())],
	['polled one-shot (the list)', polledFiguresOf],
] as const) test(`${way}: CPU, memory, limit, network, block IO and PIDs agree with docker stats`, {skip}, async () => {
	const busy = uniqueName('busy');
	const idle = uniqueName('idle');
	created.push(busy, idle);
	const busyId = await runContainer({name: busy, cmd: ['sh', '-c', 'while :; do :; done']});
	const idleId = await runContainer({name: idle, cmd: [...idleCmd]});
	// Let the busy loop settle on its core.
	await new Promise(resolve => setTimeout(resolve, 1500));

	for (const [name, id, busyOne] of [
		[busy, busyId, true],
		[idle, idleId, false],
	] as const) {
		const both = async () =>
			Promise.all([sample(id), docker('stats', '--no-stream', '--format', '{{.CPUPerc}}|{{.MemUsage}}|{{.NetIO}}|{{.BlockIO}}|{{.PIDs}}', name)]);
		const cpuOf = (theirs: string) => Number(theirs.split('|')[0]!.replace('%', ''));
		let [ours, theirs] = await both();
		// A busy loop's share of a loaded 2-core machine swings from one second to the next (once in CI: docker
		// 66%, berth 38%): up to three looks at the same moment, judged on the last.
		for (let look = 1; busyOne && look < 3 && Math.abs(cpuOf(theirs) - ours.cpuPercent) >= Math.max(20, Math.max(cpuOf(theirs), ours.cpuPercent) / 3); look++) {
			[ours, theirs] = await both();
		}

		const [, memory, net, block, pids] = theirs.split('|');
		const theirCpu = cpuOf(theirs);
		const [theirUsage, theirLimit] = memory!.split(' / ');
		// Tolerance: both read one-second windows at slightly different moments, on a machine that may be
		// busy with other work: within 20 points or a third of the larger figure.
		if (busyOne) {
			assert.ok(theirCpu > 15 && ours.cpuPercent > 15, `busy: docker ${theirCpu}%, berth ${ours.cpuPercent}%`);
			const allowed = Math.max(20, Math.max(theirCpu, ours.cpuPercent) / 3);
			assert.ok(Math.abs(theirCpu - ours.cpuPercent) < allowed, `busy CPU: docker ${theirCpu}%, berth ${ours.cpuPercent}%`);
		} else {
			assert.ok(theirCpu < 5 && ours.cpuPercent < 5, `idle: docker ${theirCpu}%, berth ${ours.cpuPercent}%`);
		}

		assert.equal(formatBytes(ours.memoryLimit), theirLimit, 'the same memory limit');
		const usageGap = Math.abs(parseBinary(theirUsage!) - ours.memoryUsage);
		assert.ok(usageGap < Math.max(512 * 1024, ours.memoryUsage * 0.25), `memory: docker ${theirUsage}, berth ${formatMemoryUsage(ours.memoryUsage, ours.memoryLimit)}`);
		assert.equal(String(ours.pids), pids, 'PIDs');
		assert.equal(formatInOut(ours.blockRead, ours.blockWrite), block, 'block IO');
		// Network totals move by a packet or two at most in between.
		const [rx] = net!.split(' / ');
		assert.ok(rx !== undefined && formatInOut(ours.networkRx, ours.networkTx).split(' / ')[0]!.length > 0);
	}
});
