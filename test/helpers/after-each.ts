import { unmountPages } from '../../harness/pages';

afterEach(() => unmountPages());
