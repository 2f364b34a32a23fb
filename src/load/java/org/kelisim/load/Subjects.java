package org.kelisim.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The people asked about, handed out in turn so that two running flows never ask the same person: each flow reads
 * the request code from the person's phone, and two requests at once to one phone could not be told apart (they
 * name the same requester). A person is held until the flow gives it back, or for a lease when the flow failed.
 */
final class Subjects implements Iterator<Map<String, Object>> {

    private final List<Map<String, Object>> people;
    private final Map<String, Long> heldUntil = new HashMap<>();
    private final long leaseNanos;
    private int next;

    Subjects(List<Map<String, Object>> people, Duration lease) {
        if (people.isEmpty()) {
            throw new IllegalArgumentException("No demo person can be asked and answer by SMS");
        }
        this.people = List.copyOf(people);
        this.leaseNanos = lease.toNanos();
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next person no running flow holds. */
    @Override
    public synchronized Map<String, Object> next() {
        long now = System.nanoTime();
        for (int tried = 0; tried < people.size(); tried++) {
            Map<String, Object> person = people.get(next);
            next = (next + 1) % people.size();
            String iin = (String) person.get("iin");
            Long until = heldUntil.get(iin);
            if (until == null || until - now < 0) {
                heldUntil.put(iin, now + leaseNanos);
                return person;
            }
        }
        throw new IllegalStateException("Every one of the " + people.size() + " people is held by a running flow");
    }

    synchronized void release(String iin) {
        heldUntil.remove(iin);
    }

    /** Every person, for scenarios that read no SMS and so need not keep people apart. */
    List<Map<String, Object>> all() {
        return people;
    }
}
