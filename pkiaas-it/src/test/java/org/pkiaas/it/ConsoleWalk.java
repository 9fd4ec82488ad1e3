package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console's browser tests share: a headless Chromium per test, new accounts made through
 * the administrator, and the moves a user makes (sign in, type, pick from a drop-down, follow the
 * navigation, wait for a message). After each test the last page is kept under {@code
 * target/console-last-page/}, and the test fails if the Content Security Policy refused anything on
 * the way.
 */
abstract class ConsoleWalk extends ServerIT {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir Path dir;

  HeadlessChromium chromium;
  WebDriver page;

  @BeforeEach
  void openBrowser() {
    chromium = HeadlessChromium.start(dir.resolve("chromium"));
    page = chromium.driver();
    page.manage().window().setSize(new Dimension(1440, 1000));
  }

  @AfterEach
  void closeBrowser(org.junit.jupiter.api.TestInfo test) throws IOException {
    // Where the browser stood last: the first thing to look at when a step fails.
    Path last = Path.of("target", "console-last-page");
    Files.createDirectories(last);
    String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
    Files.writeString(last.resolve(name + ".html"), page.getPageSource());
    Files.copy(
        ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.FILE).toPath(),
        last.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    List<String> refused = chromium.cspViolations();
    chromium.close();
    // Every walk doubles as a check of the nonce-based policy: nothing the console needs may be
    // refused.
    assertEquals(List.of(), refused, "the Content Security Policy refused something");
  }

  /** Creates an account through the administrator; returns its password. */
  String newAccount(String username) {
    String password = "pw-" + UUID.randomUUID();
    Api.Reply reply =
        admin.post(
            "/api/v1/accounts",
            Json.createObjectBuilder().add("username", username).add("password", password).build());
    assertEquals(201, reply.status(), reply::toString);
    return password;
  }

  /** An account made through the administrator, with one CA made through the API. */
  record Owner(String username, String password, Api api, String caId) {

    /** The id of the first template of the owner's CA (made with it). */
    String firstTemplateId() {
      return api.get("/api/v1/cas/" + caId + "/templates").array().getJsonObject(0).getString("id");
    }
  }

  /** A new account that owns a CA, signed in in the browser and looking at the dashboard. */
  Owner signedInOwnerOf(String caName) {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    String password = newAccount(username);
    Api api = Api.basic(username, password);
    Api.Reply ca = api.post("/api/v1/cas", CertificateAuthoritiesIT.ca(caName).build());
    assertEquals(201, ca.status(), ca::toString);
    signIn(username, password);
    awaitUrl("/manage/dashboard.xhtml");
    return new Owner(username, password, api, ca.json().getString("id"));
  }

  void signIn(String username, String password) {
    page.get(Api.BASE_URL + "/manage/dashboard.xhtml");
    assertTrue(
        page.getCurrentUrl().contains("/login.xhtml"),
        "a visitor is sent to sign in: " + page.getCurrentUrl());
    type("login:username", username);
    type("login:password", password);
    page.findElement(By.id("login:signin")).click();
  }

  void type(String id, String text) {
    WebElement input = page.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /**
   * Picks an option of a PrimeFaces selectOneMenu through its widget and fires the change event the
   * widget fires when the option is clicked, then waits for any Ajax update to finish.
   */
  void choose(String id, String value) {
    ((JavascriptExecutor) page)
        .executeScript(
            "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]);"
                + " w.input.trigger('change');",
            id,
            value);
    awaitAjax();
    waitUntil(d -> value.equals(d.findElement(By.id(id + "_input")).getDomProperty("value")));
  }

  /**
   * Waits for a condition on the page; elements replaced by an Ajax update meanwhile are looked up
   * again.
   */
  <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
    return new WebDriverWait(page, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              try {
                return condition.apply(d);
              } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium's form of a stale element: the node was replaced by an Ajax update; look
                // again
                if (e.getMessage() != null
                    && e.getMessage().contains("does not belong to the document")) {
                  return null;
                }
                throw e;
              }
            });
  }

  void awaitAjax() {
    waitUntil(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return window.jQuery !== undefined && jQuery.active === 0 && PrimeFaces.ajax.Queue.isEmpty()")));
  }

  WebElement visible(By locator) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Opens a row's Actions menu (the row showing {@code rowText}) and picks {@code item}. */
  void rowAction(String rowText, String item) {
    openRowMenu(rowText);
    shownMenuItem(item).click();
  }

  /** Opens the Actions menu of the row showing {@code rowText}. */
  void openRowMenu(String rowText) {
    page.findElement(By.xpath("//tr[.//span[normalize-space()='" + rowText + "']]//button"))
        .click();
  }

  /**
   * The item of the menu that opened, once shown: every row has its own (hidden) menu with the same
   * items.
   */
  WebElement shownMenuItem(String item) {
    return waitUntil(
        d ->
            d.findElements(menuItem(item)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
  }

  /** Whether the menu that opened shows {@code item} now. */
  boolean menuShows(String item) {
    return page.findElements(menuItem(item)).stream().anyMatch(WebElement::isDisplayed);
  }

  private static By menuItem(String item) {
    return By.xpath(
        "//a[contains(@class,'ui-menuitem-link')][.//span[normalize-space()='" + item + "']]");
  }

  /**
   * Follows a link of the navigation pane; the page it opens has the link's text as its heading.
   */
  void navigate(String item) {
    page.findElement(By.xpath("//nav//a[.//span[normalize-space()='" + item + "']]")).click();
    waitUntil(d -> item.equals(d.findElement(By.cssSelector("main h1")).getText()));
  }

  void awaitUrl(String part) {
    waitUntil(d -> d.getCurrentUrl().contains(part));
  }

  /**
   * The text of every message area, shown or (in a closing dialog, say) not. An Ajax update may
   * replace an area between finding and reading it; Chromium then reports the node as gone from the
   * document, and the areas are read again.
   */
  String messages() {
    for (int attempt = 1; ; attempt++) {
      try {
        return page.findElements(By.cssSelector(".ui-messages")).stream()
            .map(m -> m.getAttribute("textContent"))
            .reduce("", String::concat);
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 5
            || e.getMessage() == null
            || !e.getMessage().contains("does not belong to the document")) {
          throw e;
        }
      }
    }
  }

  /**
   * Empties the messages shown, so that the next {@link #awaitMessage} waits for the answer to the
   * next action, not a message (an error in particular) still shown from the one before.
   */
  void clearMessages() {
    ((JavascriptExecutor) page)
        .executeScript(
            "document.querySelectorAll('.ui-messages').forEach(m => m.replaceChildren());");
  }

  /**
   * Waits for a message containing {@code text}; fails early, with what it says, when an error
   * message shows instead.
   */
  void awaitMessage(String text) {
    waitUntil(
        d ->
            messages().contains(text)
                || d.findElements(By.cssSelector(".ui-messages-error")).stream()
                    .anyMatch(error -> !error.getAttribute("textContent").isBlank()));
    String shown = messages();
    assertTrue(shown.contains(text), shown);
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot =
        ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Ticks the selection box of the request row showing that subject. */
  void select(String subject) {
    waitUntil(
        d -> {
          d.findElement(
                  By.xpath(
                      "//tr[.//span[normalize-space()='"
                          + subject
                          + "']]//div[contains(@class,'ui-chkbox-box')]"))
              .click();
          return true;
        });
  }

  /**
   * The inputs of the page's forms the label check asks about (see {@link #unlabelledInputs()}).
   */
  private static final String ASKED_INPUTS =
      """
            Array.from(document.querySelectorAll('main form input, main form select, main form textarea'))
              .filter(e => !['hidden', 'submit', 'button', 'reset'].includes(e.type))
              .filter(e => !(e.tagName === 'SELECT' && e.closest('.ui-helper-hidden-accessible')))
              .filter(e => e.getAttribute('aria-hidden') !== 'true' && e.getAttribute('tabindex') !== '-1')""";

  long askedInputs() {
    return (Long) ((JavascriptExecutor) page).executeScript("return " + ASKED_INPUTS + ".length;");
  }

  /**
   * The inputs of the page's forms that a screen reader could not name: no {@code <label for>}, no
   * aria-label or aria-labelledby. Hidden fields, buttons, inputs out of the keyboard's reach and
   * the native selects PrimeFaces hides behind its widgets (which carry the label's target) are not
   * asked.
   */
  @SuppressWarnings("unchecked")
  List<String> unlabelledInputs() {
    return (List<String>)
        ((JavascriptExecutor) page)
            .executeScript(
                "return "
                    + ASKED_INPUTS
                    + """
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                      && !(e.getAttribute('aria-labelledby') || '').split(' ').some(id => id && document.getElementById(id))
                      && !e.closest('label'))
                  .map(e => e.id || e.name || e.outerHTML.substring(0, 80));""");
  }
}
