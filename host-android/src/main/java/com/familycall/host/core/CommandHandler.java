package com.familycall.host.core;

/** One Invoke Channel command. Runs on a worker thread; must send exactly one reply. */
interface CommandHandler {
    void handle(String data, OnceReply reply) throws Exception;
}
