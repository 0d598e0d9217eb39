import { unmountPages } from './load';

afterEach(() => unmountPages());
