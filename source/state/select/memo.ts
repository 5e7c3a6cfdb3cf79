// Remembers a selector's last answer: the same inputs (by identity) give the same rows without work.

/** A function of a few values that computes again only when one of them is not the one it saw last. */
export function memoizeLast<Args extends readonly unknown[], Result>(compute: (...args: Args) => Result): (...args: Args) => Result {
	let last: {args: Args; result: Result} | undefined;
	return (...args: Args) => {
		if (last && last.args.length === args.length && last.args.every((value, index) => Object.is(value, args[index]))) return last.result;
		const result = compute(...args);
		last = {args, result};
		return result;
	};
}
