// berth --help: the text, on its own so that the entry can print it without loading the flag parser.
export const helpText = `
  A keyboard-driven terminal UI for watching and managing Docker engines

  Usage
    $ berth [options]
    $ berth config [--config FILE]     the configuration file read, and the configuration in effect
    $ berth config --check [FILE]      check a configuration file: exit status 0, or 2 and what is wrong

  Options
    --host, -H URL   Engine to connect to: unix:///path, tcp://HOST:PORT or ssh://USER@HOST[:PORT];
                     repeat it to show several engines at once
                     (default: DOCKER_HOST, else the current docker context, else unix:///var/run/docker.sock)
    --context NAME   A docker context (docker context ls); repeat it for several
    --all-contexts   Every docker context at once
    --no-color       No colours (also when NO_COLOR is set)
    --ascii          Plain ASCII glyphs (default on TERM=linux or a non-UTF-8 locale)
    --refresh SEC    Seconds between the list's CPU and memory samples (default 5); 1 streams a
                     sample a second for every row, as docker stats does
    --resync SEC     Seconds between full listings that repair missed events (default 30)
    --read-only      A pure viewer: keys that would change what the engine holds are off
    --kiosk          A wall screen: read-only, opens on the pulse view, keys only move between views
    --bell           Ring the terminal's bell at each alert
    --notify         A desktop notification at each alert (OSC 9 and OSC 777, through tmux too)
    --on-alert CMD   Run CMD with /bin/sh -c at each alert, with BERTH_ALERT_KIND, BERTH_ALERT_CONTAINER,
                     BERTH_ALERT_ENGINE, BERTH_ALERT_TEXT in its environment (output not shown)
    --crash-restarts N   Restarts that make a crash loop (default 3) ...
    --crash-minutes M    ... within this many minutes (default 10)
    --tail N         Log lines of backlog a logs pane starts with (default 1000)
    --log-lines N    Log lines a logs pane keeps at most (default 5000)
    --config FILE    The configuration file (default: BERTH_CONFIG, else
                     $XDG_CONFIG_HOME/berth/config.yaml, else ~/.config/berth/config.yaml);
                     flags win over it
    --version        Show berth's version
    --help           Show this help

  Environment
    DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_TLS   as for the docker CLI
    DOCKER_CONTEXT, DOCKER_CONFIG                                 contexts, as for the docker CLI
    NO_COLOR                                                      turn colour off
    BERTH_CONFIG, XDG_CONFIG_HOME                                 where the configuration file is

  Keys: press ? inside berth.
`;

/** `berth --help` or `berth --version` alone: answered before anything else is loaded. */
export function quickAnswer(argv: readonly string[]): 'help' | 'version' | undefined {
	if (argv.length !== 1) return undefined;
	return argv[0] === '--help' || argv[0] === '-h' ? 'help' : argv[0] === '--version' ? 'version' : undefined;
}
