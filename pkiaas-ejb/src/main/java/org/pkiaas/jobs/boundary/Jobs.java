package org.pkiaas.jobs.boundary;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.config.NodeName;
import org.pkiaas.identity.Caller;
import org.pkiaas.jobs.control.JobLocks;
import org.pkiaas.paging.Page;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.WriteConflict;
import org.pkiaas.rowid.RowIds;

/**
 * The two batch jobs that keep revocation status and the CAs' services fresh: {@value
 * #CRL_REGENERATION} and {@value #SERVICE_CERTIFICATE_RENEWAL} (named {@value #LEGACY_RENEWAL}
 * until it renewed more than OCSP responders; that name still starts it). Each run holds its job's
 * lock in the database, so one run at a time in the whole cluster; scheduled starts also claim
 * their schedule slot, so timers firing on every node start each slot once. Runs are kept by the
 * JDBC job repository, across restarts. Administrators only: jobs span every tenant's CAs.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Jobs {

  public static final String CRL_REGENERATION = "crl-regeneration";
  public static final String SERVICE_CERTIFICATE_RENEWAL = "service-certificate-renewal";
  public static final List<String> NAMES = List.of(CRL_REGENERATION, SERVICE_CERTIFICATE_RENEWAL);

  /** The service-certificate-renewal job's name before 2026-12, deprecated. */
  public static final String LEGACY_RENEWAL = "ocsp-signer-renewal";

  /** The largest page of runs {@link #runs} answers. */
  public static final int MAX_PAGE_SIZE = 500;

  @PersistenceContext EntityManager em;

  @Inject JobLocks locks;

  @Inject NodeName node;

  /** Starts a run now, unless one is running somewhere in the cluster. */
  @Audited(value = "job.start", objectType = "JOB", objectIdArgument = 1)
  public JobRun start(Caller caller, String requested) {
    requireAdmin(caller);
    String name = LEGACY_RENEWAL.equals(requested) ? SERVICE_CERTIFICATE_RENEWAL : requested;
    requireKnown(name);
    String holder = holder();
    if (!locks.acquire(name, holder)) {
      throw new ConflictException(
          "The job " + name + " is running already; try again when it has finished");
    }
    return run(launch(name, holder, null, null));
  }

  /** Restarts a failed or stopped run from its last checkpoint. */
  @Audited(value = "job.restart", objectType = "JOB")
  public JobRun restart(Caller caller, long executionId) {
    requireAdmin(caller);
    JobExecution failed = execution(executionId);
    String name = failed.getJobName();
    String holder = holder();
    if (!locks.acquire(name, holder)) {
      throw new ConflictException(
          "The job " + name + " is running already; try again when it has finished");
    }
    return run(launch(name, holder, executionId, null));
  }

  /** The timers' start: once per schedule slot in the cluster, and never beside a running one. */
  public Optional<Long> startScheduled(String name, Instant slot) {
    String holder = holder();
    try {
      if (!locks.acquire(name, holder, slot)) {
        return Optional.empty();
      }
    } catch (RuntimeException e) {
      if (WriteConflict.isCause(e)) {
        // On Galera, another node took the same slot at the same moment and committed first.
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(launch(name, holder, null, slot));
  }

  /**
   * One page of both jobs' runs (each start and each restart is a run), newest first, with how many
   * there are in all. The runs are found in the tables of the JDBC job repository that batch.cli
   * puts in PKIaaS's own database (JBeret's {@code JOB_EXECUTION} and {@code JOB_INSTANCE}): the
   * {@link JobOperator} can only list one job's instances, not count or page runs across jobs.
   */
  public Page<JobRun> runs(Caller caller, int page, int size) {
    requireAdmin(caller);
    if (page < 0) {
      throw new InvalidInputException("page", "Pages are numbered from 0");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size", "A page has 1 to " + MAX_PAGE_SIZE + " runs");
    }
    String from =
        " FROM JOB_EXECUTION e JOIN JOB_INSTANCE i ON e.JOBINSTANCEID = i.JOBINSTANCEID"
            + " WHERE i.JOBNAME IN (?1, ?2)";
    long total =
        ((Number)
                em.createNativeQuery("SELECT COUNT(*)" + from)
                    .setParameter(1, CRL_REGENERATION)
                    .setParameter(2, SERVICE_CERTIFICATE_RENEWAL)
                    .getSingleResult())
            .longValue();
    List<?> ids =
        em.createNativeQuery("SELECT e.JOBEXECUTIONID" + from + " ORDER BY e.JOBEXECUTIONID DESC")
            .setParameter(1, CRL_REGENERATION)
            .setParameter(2, SERVICE_CERTIFICATE_RENEWAL)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    JobOperator operator = BatchRuntime.getJobOperator();
    List<JobRun> runs = new ArrayList<>();
    for (Object id : ids) {
      runs.add(describe(operator, operator.getJobExecution(((Number) id).longValue())));
    }
    return new Page<>(runs, total, page, size);
  }

  /**
   * The newest run of each job that has run, whoever started it, for the health checks: no caller,
   * since the management interface asks.
   */
  public Map<String, JobRun> latestRuns() {
    JobOperator operator = BatchRuntime.getJobOperator();
    Map<String, JobRun> latest = new HashMap<>();
    for (String name : NAMES) {
      List<JobInstance> instances;
      try {
        instances = operator.getJobInstances(name, 0, 1);
      } catch (NoSuchJobException e) {
        continue; // never run yet
      }
      instances.stream()
          .flatMap(instance -> operator.getJobExecutions(instance).stream())
          .max(Comparator.comparingLong(JobExecution::getExecutionId))
          .ifPresent(execution -> latest.put(name, describe(operator, execution)));
    }
    return latest;
  }

  /** One run. */
  public JobRun run(Caller caller, long executionId) {
    requireAdmin(caller);
    return run(executionId);
  }

  private JobRun run(long executionId) {
    return describe(BatchRuntime.getJobOperator(), execution(executionId));
  }

  /**
   * @param slot the schedule slot of a timer's start, kept in the run's parameters; null otherwise
   */
  private long launch(String name, String holder, Long restartOf, Instant slot) {
    try {
      Properties parameters = new Properties();
      parameters.setProperty("lockHolder", holder);
      if (slot != null) {
        parameters.setProperty("slot", slot.toString());
      }
      JobOperator operator = BatchRuntime.getJobOperator();
      long executionId =
          restartOf == null
              ? operator.start(name, parameters)
              : operator.restart(restartOf, parameters);
      locks.started(name, holder, executionId);
      return executionId;
    } catch (RuntimeException e) {
      locks.release(name, holder);
      throw e;
    }
  }

  private static JobExecution execution(long executionId) {
    try {
      JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(executionId);
      if (execution == null || !NAMES.contains(execution.getJobName())) {
        throw new NotFoundException("Job execution", Long.toString(executionId));
      }
      return execution;
    } catch (jakarta.batch.operations.NoSuchJobExecutionException e) {
      throw new NotFoundException("Job execution", Long.toString(executionId));
    }
  }

  private static JobRun describe(JobOperator operator, JobExecution execution) {
    long read = 0;
    long written = 0;
    long filtered = 0;
    long failures = 0;
    for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
      for (Metric metric : step.getMetrics()) {
        switch (metric.getType()) {
          case READ_COUNT -> read += metric.getValue();
          case WRITE_COUNT -> written += metric.getValue();
          case FILTER_COUNT -> filtered += metric.getValue();
          case PROCESS_SKIP_COUNT, READ_SKIP_COUNT, WRITE_SKIP_COUNT ->
              failures += metric.getValue();
          default -> {
            // commit and rollback counts are not shown
          }
        }
      }
    }
    return new JobRun(
        execution.getExecutionId(),
        execution.getJobName(),
        execution.getBatchStatus().name(),
        execution.getExitStatus(),
        instant(execution.getCreateTime()),
        instant(execution.getStartTime()),
        instant(execution.getEndTime()),
        read,
        written,
        filtered,
        failures);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private String holder() {
    return node.name() + "#" + RowIds.uuid().toString().substring(0, 8);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("Only administrators can see and start the batch jobs");
    }
  }

  private static void requireKnown(String name) {
    if (!NAMES.contains(name)) {
      throw new NotFoundException("Job", name);
    }
  }
}
