/**
 * The repository's rules (helpers/repository-rules.ts) on a real MySQL-compatible server: MariaDB from Debian's
 * `mariadb-server`, installed by .ci/run for this suite only and run by `npm run test:mysql` (jest.mysql.config.js).
 * Without it installed this suite fails and says how to install it.
 */
import { startRealMysql } from '../helpers/real-mysql';
import { describeRepositoryRules, realServerEngine } from '../helpers/repository-rules';

describe('mysql (real server, MariaDB)', () =>
  describeRepositoryRules(() => realServerEngine('mysql', startRealMysql)));
