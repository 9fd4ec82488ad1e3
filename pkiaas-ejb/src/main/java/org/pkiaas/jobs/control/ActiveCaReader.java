package org.pkiaas.jobs.control;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pkiaas.ocsp.control.ResponderStore;

/**
 * Reads the ids of every active CA, in id order, for both batch jobs. The checkpoint is the
 * position in that order, so a restarted run resumes where it stopped; a CA created since then only
 * shifts the position, which is harmless because every item is idempotent.
 */
@Named
@Dependent
public class ActiveCaReader extends AbstractItemReader {

  @Inject ResponderStore store;

  private List<String> ids;
  private int next;

  @Override
  public void open(Serializable checkpoint) {
    ids = store.activeCaIds();
    next = checkpoint == null ? 0 : Math.min((Integer) checkpoint, ids.size());
  }

  @Override
  public Object readItem() {
    return next < ids.size() ? ids.get(next++) : null;
  }

  @Override
  public Serializable checkpointInfo() {
    return next;
  }
}
