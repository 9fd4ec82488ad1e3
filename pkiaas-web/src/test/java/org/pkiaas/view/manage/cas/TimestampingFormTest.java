package org.pkiaas.view.manage.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tsa.boundary.TimestampingChanges;
import org.pkiaas.tsa.boundary.TimestampingState;

/** Edit CA's time-stamp authority section: what is shown, what is sent, how a refusal reads. */
class TimestampingFormTest {

  @Test
  void theOperatorsDefaultIsShownAsAnEmptyFieldAndSentAsOne() {
    TimestampingForm form =
        TimestampingForm.of(
            new TimestampingState(true, "2.25.9.1", true, List.of("1.2.3"), "http://pki/tsa/x"),
            "2.25.9.1");
    assertEquals("", form.getDefaultPolicy());
    assertEquals("2.25.9.1", form.getOperatorDefault());
    assertEquals("1.2.3", form.getAcceptedPolicies());
    assertEquals(new TimestampingChanges(true, "", List.of("1.2.3")), form.changes());
  }

  @Test
  void acceptedPoliciesAreOnePerLineOrCommaSeparated() {
    TimestampingForm form =
        TimestampingForm.of(
            new TimestampingState(false, "1.2.9", false, List.of(), null), "2.25.1");
    assertEquals("1.2.9", form.getDefaultPolicy());
    form.setAcceptedPolicies(" 1.2.3\r\n\n1.2.4, 1.2.5 \n");
    assertEquals(
        new TimestampingChanges(false, "1.2.9", List.of("1.2.3", "1.2.4", "1.2.5")),
        form.changes());
  }

  @Test
  void aRefusedPolicyIsNamedByItsLineOnTheTextArea() {
    InvalidInputException moved =
        TimestampingForm.onTheTextArea(
            new InvalidInputException("acceptedPolicies[1]", "A policy is an object identifier"));
    assertEquals("acceptedPolicies", moved.field());
    assertEquals("Policy 2: A policy is an object identifier", moved.getMessage());
    InvalidInputException other = new InvalidInputException("defaultPolicy", "x");
    assertSame(other, TimestampingForm.onTheTextArea(other));
  }
}
