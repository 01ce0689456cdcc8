// Runs discovery in a child process (started as an unprivileged user by discover.test.ts) and prints the result.
import { discover } from '../../../language-server/scanner/discover';
import { makeIgnoreMatcher } from '../../../language-server/scanner/ignore';

const root = process.argv[2] ?? '';
discover([root], { maxDepth: 4, ignore: makeIgnoreMatcher([], '/') }).then((result) => process.stdout.write(JSON.stringify(result)));
