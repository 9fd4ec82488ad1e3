package org.pkiaas.hsm.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.hsm.adapter.BatchQueue.Waiting;
import org.pkiaas.hsm.link.LinkMessage;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.SignatureScheme;

class BatchQueueTest {

  private static Waiting waiting() {
    return new Waiting(new SignRequest(SignatureScheme.SHA256_WITH_ECDSA, new byte[32]));
  }

  @Test
  void aLoneRequestLeavesAtOnceAndTheNextOnesWaitForTheBatchOnItsWay() {
    BatchQueue queue = new BatchQueue(1);
    Waiting first = waiting();
    assertEquals(List.of(first), queue.add(first));
    List<Waiting> queued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Waiting next = waiting();
      queued.add(next);
      assertNull(queue.add(next));
    }
    assertEquals(queued, queue.released());
    assertNull(queue.released()); // nothing queued: the window is clear again
    Waiting alone = waiting();
    assertEquals(List.of(alone), queue.add(alone));
  }

  @Test
  void aBatchTakesAtMostTheLargestBatchAndTheRestFollows() {
    BatchQueue queue = new BatchQueue(1);
    queue.add(waiting());
    for (int i = 1; i < BatchQueue.FULL; i++) {
      queue.add(waiting());
    }
    assertEquals(BatchQueue.FULL, queue.add(waiting()).size()); // the pipelined second batch
    for (int i = 0; i < LinkMessage.MAX_BATCH + 5; i++) {
      assertNull(queue.add(waiting()));
    }
    assertEquals(LinkMessage.MAX_BATCH, queue.released().size());
    assertNull(queue.released()); // the rest is short of full and one batch is still out
    assertEquals(5, queue.released().size());
    assertNull(queue.released());
  }

  @Test
  void aSecondBatchLeavesWhileTheFirstIsOutOnceItIsFull() {
    BatchQueue queue = new BatchQueue(1);
    assertEquals(1, queue.add(waiting()).size());
    for (int i = 1; i < BatchQueue.FULL; i++) {
      assertNull(queue.add(waiting()));
    }
    assertEquals(BatchQueue.FULL, queue.add(waiting()).size());
    for (int i = 0; i < BatchQueue.FULL; i++) {
      assertNull(queue.add(waiting())); // two out: even a full batch waits
    }
    assertEquals(BatchQueue.FULL, queue.released().size());
    for (int i = 1; i < BatchQueue.FULL; i++) {
      assertNull(queue.add(waiting()));
    }
    assertNull(queue.released()); // one still out: a batch short of full waits for it
    assertEquals(BatchQueue.FULL - 1, queue.released().size()); // none out: it leaves
    assertNull(queue.released());
  }

  @Test
  void requestsWithdrawnOrGivenUpOnDoNotLeave() {
    BatchQueue queue = new BatchQueue(1);
    queue.add(waiting());
    Waiting withdrawn = waiting();
    Waiting cancelled = waiting();
    Waiting kept = waiting();
    queue.add(withdrawn);
    queue.add(cancelled);
    queue.add(kept);
    queue.withdraw(withdrawn);
    cancelled.answer.cancel(false);
    assertEquals(List.of(kept), queue.released());
  }

  @Test
  void aWiderWindowLetsAsManyBatchesGo() {
    BatchQueue queue = new BatchQueue(1);
    queue.window(2);
    Waiting first = waiting();
    Waiting second = waiting();
    assertEquals(List.of(first), queue.add(first));
    assertEquals(List.of(second), queue.add(second));
    assertNull(queue.add(waiting()));
  }
}
