/** The main package's English texts: their own subpackage, loaded only on an English WeChat (load-main-texts.ts). */
import type { MainTexts } from '../i18n/index';
import backend from './backend';
import common from './common';
import contacts from './contacts';
import errors from './errors';
import history from './history';
import status from './status';

const english: MainTexts = { backend, common, contacts, errors, history, status };

export default english;
