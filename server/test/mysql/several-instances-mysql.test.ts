/** Three server processes (the production entry) on one real MariaDB server: helpers/several-instances.ts. */
import { startRealMysql } from '../helpers/real-mysql';
import { describeSeveralInstances } from '../helpers/several-instances';

describe('several instances on one MariaDB server', () => describeSeveralInstances(startRealMysql));
