// formatPorts against the docker CLI's DisplayablePorts (cli/command/formatter/container.go).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {PortRecord} from '../../source/engine/types.js';
import {formatPorts} from '../../source/format/ports.js';

/** An exposed-only port: no host address, no public port. */
function exposed(privatePort: number, type = 'tcp'): PortRecord {
	return {ip: '', privatePort, publicPort: 0, type};
}

function published(ip: string, publicPort: number, privatePort: number, type = 'tcp'): PortRecord {
	return {ip, privatePort, publicPort, type};
}

describe('formatPorts', () => {
	const cases: Array<{name: string; ports: PortRecord[]; expected: string}> = [
		{name: 'no ports', ports: [], expected: ''},
		{name: 'published', ports: [published('127.0.0.1', 8080, 80)], expected: '127.0.0.1:8080->80/tcp'},
		{name: 'exposed only', ports: [exposed(80)], expected: '80/tcp'},
		{
			name: 'consecutive exposed ports collapse, whatever order they come in',
			ports: [exposed(9002), exposed(9000), exposed(9001)],
			expected: '9000-9002/tcp',
		},
		{
			name: 'a gap splits exposed ports',
			ports: [exposed(9000), exposed(9002)],
			expected: '9000/tcp, 9002/tcp',
		},
		{
			name: 'published range where host port equals container port collapses',
			ports: [published('0.0.0.0', 8001, 8001), published('0.0.0.0', 8000, 8000)],
			expected: '0.0.0.0:8000-8001->8000-8001/tcp',
		},
		{
			name: 'a different host port stays one mapping per port',
			ports: [published('1.2.3.4', 8887, 9998, 'udp'), published('1.2.3.4', 8888, 9999, 'udp')],
			expected: '1.2.3.4:8887->9998/udp, 1.2.3.4:8888->9999/udp',
		},
		{
			name: 'host mappings come after the groups even with a lower private port',
			ports: [exposed(443), published('0.0.0.0', 8080, 80)],
			expected: '443/tcp, 0.0.0.0:8080->80/tcp',
		},
		{
			name: 'tcp sorts before udp on the same port',
			ports: [exposed(53, 'udp'), exposed(53, 'tcp')],
			expected: '53/tcp, 53/udp',
		},
		{
			name: 'udp and tcp never collapse together',
			ports: [exposed(53, 'udp'), exposed(54, 'tcp')],
			expected: '53/udp, 54/tcp',
		},
		{
			name: 'udp published ports keep their protocol',
			ports: [published('4.3.2.1', 8899, 9988, 'udp'), published('4.3.2.1', 8899, 9988, 'tcp')],
			expected: '4.3.2.1:8899->9988/tcp, 4.3.2.1:8899->9988/udp',
		},
		{name: 'IPv6 host address in brackets', ports: [published('::', 8080, 80)], expected: '[::]:8080->80/tcp'},
		{
			name: 'dual stack: IPv4 before IPv6',
			ports: [published('::', 8080, 80), published('0.0.0.0', 8080, 80)],
			expected: '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
		},
		{
			name: 'dual stack published range: one group per address',
			ports: [
				published('::', 8001, 8001),
				published('::', 8000, 8000),
				published('0.0.0.0', 8001, 8001),
				published('0.0.0.0', 8000, 8000),
			],
			expected: '0.0.0.0:8000-8001->8000-8001/tcp, [::]:8000-8001->8000-8001/tcp',
		},
		{
			name: 'sorted by private port',
			ports: [exposed(443), exposed(80), exposed(8080)],
			expected: '80/tcp, 443/tcp, 8080/tcp',
		},
		{
			name: 'IPv4 addresses compare as numbers (netip.Addr.Less), not as text',
			ports: [published('10.0.0.1', 8080, 80), published('9.0.0.1', 8080, 80)],
			expected: '9.0.0.1:8080->80/tcp, 10.0.0.1:8080->80/tcp',
		},
		{
			// A group closed early is printed at once; the groups still open follow in the order they were opened.
			name: 'a group closed by a gap is printed before groups still open',
			ports: [exposed(80, 'udp'), exposed(81, 'tcp'), exposed(90, 'tcp')],
			expected: '81/tcp, 80/udp, 90/tcp',
		},
		{
			// The docker CLI's own table test (TestDisplayablePorts, the long case).
			name: 'the CLI test case with groups, protocols and mappings both ways',
			ports: [
				exposed(80, 'tcp'),
				exposed(1024, 'tcp'),
				exposed(80, 'udp'),
				exposed(1024, 'udp'),
				published('1.1.1.1', 80, 1024, 'tcp'),
				published('1.1.1.1', 80, 1024, 'udp'),
				published('1.1.1.1', 1024, 80, 'tcp'),
				published('1.1.1.1', 1024, 80, 'udp'),
				published('2.1.1.1', 80, 1024, 'tcp'),
				published('2.1.1.1', 80, 1024, 'udp'),
				published('2.1.1.1', 1024, 80, 'tcp'),
				published('2.1.1.1', 1024, 80, 'udp'),
				exposed(12_345, 'sctp'),
			],
			expected:
				'80/tcp, 80/udp, 1024/tcp, 1024/udp, 12345/sctp, ' +
				'1.1.1.1:1024->80/tcp, 1.1.1.1:1024->80/udp, 2.1.1.1:1024->80/tcp, 2.1.1.1:1024->80/udp, ' +
				'1.1.1.1:80->1024/tcp, 1.1.1.1:80->1024/udp, 2.1.1.1:80->1024/tcp, 2.1.1.1:80->1024/udp',
		},
		{
			name: 'exposed and published groups of the same port stay apart',
			ports: [exposed(80), exposed(81), published('0.0.0.0', 80, 80), published('0.0.0.0', 81, 81)],
			expected: '80-81/tcp, 0.0.0.0:80-81->80-81/tcp',
		},
	];

	for (const {name, ports, expected} of cases) {
		test(name, () => {
			assert.equal(formatPorts(ports), expected);
		});
	}

	test('does not reorder the array it is given', () => {
		const ports = [exposed(443), exposed(80)];
		formatPorts(ports);
		assert.deepEqual(
			ports.map(port => port.privatePort),
			[443, 80],
		);
	});
});
