package com.familycall.host.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Which Channel events the Mini Program registered (wmpf.Channel.registerEvent → event + eventId), persisted so that
 * events still reach it after the host restarts (the demo's advice). Events the host sends: see {@link #publish}.
 */
public final class EventRegistry {
    /** Sent when the host's registration record changes; payload {"registered": 1}. */
    public static final String REGISTRATION_CHANGED = "registrationChanged";

    static final String KEY = "invokeChannel.events";
    /** Ids of Mini Program runs that ended without unregistering pile up: keep only the newest per event. */
    static final int MAX_IDS_PER_EVENT = 8;

    private final KeyValueStore store;
    private final EventSink sink;
    private final HostLog log;

    public EventRegistry(KeyValueStore store, EventSink sink, HostLog log) {
        this.store = store;
        this.sink = sink;
        this.log = log;
    }

    public synchronized void register(String event, String eventId) {
        if (isBlank(event) || isBlank(eventId)) {
            log.warn("registerEvent without an event name or id: ignored");
            return;
        }
        List<String[]> entries = load();
        removeEntry(entries, event, eventId);
        entries.add(new String[] {eventId, event});
        dropOldest(entries, event);
        save(entries);
        log.info("registerEvent " + safeName(event));
    }

    public synchronized void unregister(String event, String eventId) {
        List<String[]> entries = load();
        if (removeEntry(entries, event, eventId)) save(entries);
        log.info("unregisterEvent " + safeName(event));
    }

    /** Sends the event to every id registered for it; returns how many deliveries succeeded. */
    public int publish(String event, String payloadJson) {
        List<String> ids = new ArrayList<String>();
        synchronized (this) {
            for (String[] entry : load()) {
                if (entry[1].equals(event)) ids.add(entry[0]);
            }
        }
        int delivered = 0;
        for (String eventId : ids) {
            try {
                sink.send(eventId, event, payloadJson);
                delivered++;
            } catch (Exception e) {
                log.warn("event " + event + " not delivered to one registration: " + e.getClass().getSimpleName());
            }
        }
        return delivered;
    }

    private List<String[]> load() {
        List<String[]> entries = new ArrayList<String[]>();
        String stored = store.get(KEY);
        if (stored == null) return entries;
        try {
            Object json = Json.parse(stored);
            if (!(json instanceof List)) throw new JsonException("not a list");
            for (Object item : (List<?>) json) {
                if (!(item instanceof List) || ((List<?>) item).size() != 2) continue;
                Object id = ((List<?>) item).get(0);
                Object event = ((List<?>) item).get(1);
                if (id instanceof String && event instanceof String) {
                    entries.add(new String[] {(String) id, (String) event});
                }
            }
        } catch (JsonException unreadable) {
            log.warn("stored event registrations unreadable: starting afresh");
        }
        return entries;
    }

    private void save(List<String[]> entries) {
        List<Object> json = new ArrayList<Object>();
        for (String[] entry : entries) {
            List<Object> pair = new ArrayList<Object>();
            pair.add(entry[0]);
            pair.add(entry[1]);
            json.add(pair);
        }
        store.put(KEY, Json.write(json));
    }

    private static boolean removeEntry(List<String[]> entries, String event, String eventId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i)[0].equals(eventId) && entries.get(i)[1].equals(event)) {
                entries.remove(i);
                return true;
            }
        }
        return false;
    }

    private static void dropOldest(List<String[]> entries, String event) {
        int count = 0;
        for (String[] entry : entries) {
            if (entry[1].equals(event)) count++;
        }
        for (int i = 0; i < entries.size() && count > MAX_IDS_PER_EVENT; ) {
            if (entries.get(i)[1].equals(event)) {
                entries.remove(i);
                count--;
            } else {
                i++;
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.trim().isEmpty();
    }

    /** Event names come from the Mini Program: log them only when they look like names. */
    private static String safeName(String event) {
        return event.matches("[A-Za-z0-9_.-]{1,64}") ? event : "(unnamed event)";
    }
}
