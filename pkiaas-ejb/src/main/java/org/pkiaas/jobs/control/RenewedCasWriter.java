package org.pkiaas.jobs.control;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;

/**
 * Records which CAs a job renewed something for: the work itself is done, item by item, by the
 * processor.
 */
@Named
@Dependent
public class RenewedCasWriter extends AbstractItemWriter {

  private static final Logger LOG = Logger.getLogger(RenewedCasWriter.class.getName());

  @Inject JobContext job;

  @Override
  public void writeItems(List<Object> items) {
    if (items.isEmpty()) {
      return; // a chunk whose CA needed nothing
    }
    LOG.info(
        () ->
            job.getJobName() + " (execution " + job.getExecutionId() + ") renewed for CA " + items);
  }
}
