/**
 * Contacts from our backend: `GET {baseUrl}/devices/{sn}/contacts`. The sn (and so the URL) is never logged, and is
 * scrubbed from transport error messages before they leave this file.
 */
import { errMsgOf, scrub } from '../guards';
import type { HttpClient, HttpResult } from '../http';
import { err, type Result } from '../result';
import type { ContactsError, ContactsFetch, ContactsSource } from './types';
import { parseContactsReply } from './validate-contacts';

const DEFAULT_CONTACTS_TIMEOUT_MS = 8_000;

export interface HttpContactsConfig {
  baseUrl: string;
  timeoutMs?: number;
}

function contactsUrl(baseUrl: string, sn: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/devices/${encodeURIComponent(sn)}/contacts`;
}

export function createHttpContactsSource(http: HttpClient, config: HttpContactsConfig): ContactsSource {
  return {
    async fetch(sn): Promise<Result<ContactsFetch, ContactsError>> {
      // Without a base URL or a device sn there is nothing meaningful to ask.
      if (config.baseUrl.trim() === '' || sn.trim() === '') return err({ kind: 'not-configured' });
      const url = contactsUrl(config.baseUrl, sn);
      let reply: HttpResult;
      try {
        reply = await http.get(url, { timeoutMs: config.timeoutMs ?? DEFAULT_CONTACTS_TIMEOUT_MS });
      } catch (e) {
        reply = err({ kind: 'network', errMsg: errMsgOf(e, 'request failed') });
      }
      if (!reply.ok) {
        const error = reply.error;
        if (error.kind === 'timeout') return err(error);
        return err({ kind: 'network', errMsg: scrub(error.errMsg, [url, sn, encodeURIComponent(sn)]) });
      }
      if (reply.value.status !== 200) return err({ kind: 'http-status', status: reply.value.status });
      return parseContactsReply(reply.value.data);
    },
  };
}
