package org.pkiaas.issuance.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.issuance.boundary.BulkDecisions.Action;
import org.pkiaas.problem.InvalidInputException;

class BulkDecisionsTest {

  @Test
  void actsOnAtMostFiveHundredRequestsACall() {
    List<String> most = Collections.nCopies(BulkDecisions.MAX_REQUESTS, "r");
    assertEquals(most, BulkDecisions.checked(most));
    InvalidInputException tooMany =
        assertThrows(
            InvalidInputException.class,
            () -> BulkDecisions.checked(Collections.nCopies(501, "r")));
    assertEquals("ids", tooMany.field());
    assertTrue(tooMany.getMessage().startsWith("At most 500 requests at once (501 were given)"));
  }

  @Test
  void needsSomeRequests() {
    assertEquals(
        "ids",
        assertThrows(InvalidInputException.class, () -> BulkDecisions.checked(null)).field());
    assertEquals(
        "ids",
        assertThrows(InvalidInputException.class, () -> BulkDecisions.checked(List.of())).field());
  }

  @Test
  void namesTheActionInAnyCase() {
    assertEquals(Action.SIGN, Action.parse("sign"));
    assertEquals(Action.RESEND, Action.parse(" Resend "));
    for (String wrong : new String[] {null, "", "explode", "sign;"}) {
      InvalidInputException refused =
          assertThrows(InvalidInputException.class, () -> Action.parse(wrong));
      assertEquals("action", refused.field());
    }
  }
}
