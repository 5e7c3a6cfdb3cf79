// The tests run on the Node that npm scripts bring (the `node` devDependency, the 26 LTS line, which can build a single executable from an ES module), not the system's.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';

test('npm scripts run on Node 26 from the node devDependency', () => {
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
		engines: {node: string};
		devDependencies: Record<string, string>;
	};
	assert.match(manifest.devDependencies.node ?? '', /^\^?26\./);
	assert.equal(manifest.engines.node, '>=22');
	assert.equal(process.versions.node.split('.')[0], '26', `running on ${process.version}`);
});
