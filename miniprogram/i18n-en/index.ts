/**
 * The English texts of the main package: a subpackage of its own (app.json "i18n-en"), loaded with require.async
 * only on a device whose WeChat speaks English, so that the start path carries one language (services/texts.ts).
 * The texts of subpackage pages stay beside their page, in both languages.
 */
import type { MainTexts } from '../i18n/index';
import backend from './backend';
import common from './common';
import contacts from './contacts';
import errors from './errors';
import history from './history';
import status from './status';

const english: MainTexts = { backend, common, contacts, errors, history, status };

export default english;
