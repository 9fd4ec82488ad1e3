package org.pkiaas.tsa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pkiaas.persistence.CommitGroups;
import org.pkiaas.problem.DatabaseOutage;
import org.pkiaas.tsa.entity.TimestampToken;

/**
 * Records granted time stamps in groups ({@link CommitGroups}): each caller waits until the
 * statement that holds its token has committed, so a token is still recorded before it is returned;
 * under load one statement and one commit ({@link TimestampTokens#recordAll}) serve many tokens.
 */
@ApplicationScoped
public class TimestampRecords {

  /** The most tokens written in one transaction. */
  static final int MAX_BATCH = 256;

  @Inject TimestampTokens store;

  private final CommitGroups<TimestampToken> groups =
      new CommitGroups<>(
          MAX_BATCH,
          tokens -> store.recordAll(tokens),
          failure -> !DatabaseOutage.isCause(failure));

  /**
   * Returns once the token is committed.
   *
   * @throws RuntimeException what writing it threw
   */
  public void record(TimestampToken token) {
    groups.commit(token);
  }

  /** How many tokens wait for a batch. */
  int waiting() {
    return groups.waiting();
  }
}
