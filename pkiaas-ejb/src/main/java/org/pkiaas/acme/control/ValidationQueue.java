package org.pkiaas.acme.control;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The challenges waiting for validation, one lane per ACME account, taken in turn: a worker takes
 * the oldest challenge of the account whose turn it is, and that account goes to the back. An
 * account that asks for a thousand validations thus delays another account's one by at most one
 * validation per worker. A lane holds at most {@code perAccount} challenges and the queue at most
 * {@code total}; a challenge that does not fit stays {@code processing} and is offered again by the
 * recovery sweep. A challenge already waiting is not queued twice.
 */
final class ValidationQueue {

  private final int perAccount;
  private final int total;
  private final Map<String, ArrayDeque<String>> lanes = new LinkedHashMap<>();
  private final Set<String> waiting = new HashSet<>();

  ValidationQueue(int perAccount, int total) {
    this.perAccount = perAccount;
    this.total = total;
  }

  /** Queues a challenge of {@code accountId}; false when its lane or the queue is full. */
  synchronized boolean offer(String accountId, String challengeId) {
    if (waiting.contains(challengeId)) {
      return true;
    }
    ArrayDeque<String> lane = lanes.get(accountId);
    if (waiting.size() >= total || (lane != null && lane.size() >= perAccount)) {
      return false;
    }
    if (lane == null) {
      lane = new ArrayDeque<>();
      lanes.put(accountId, lane);
    }
    lane.add(challengeId);
    waiting.add(challengeId);
    notifyAll();
    return true;
  }

  /** The next challenge in turn, waiting for one when none is queued. */
  synchronized String take() throws InterruptedException {
    while (lanes.isEmpty()) {
      wait();
    }
    Iterator<Map.Entry<String, ArrayDeque<String>>> first = lanes.entrySet().iterator();
    Map.Entry<String, ArrayDeque<String>> turn = first.next();
    first.remove();
    String challengeId = turn.getValue().poll();
    if (!turn.getValue().isEmpty()) {
      lanes.put(turn.getKey(), turn.getValue()); // to the back of the line
    }
    waiting.remove(challengeId);
    return challengeId;
  }

  synchronized int size() {
    return waiting.size();
  }
}
