package org.pkiaas.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both are given by path, so
 * Selenium Manager never looks for (or downloads) a driver. Downloads land in a chosen directory
 * without a prompt, and the network log keeps what the page sent.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  /**
   * Selenium warns that it has no DevTools bindings for this Chromium; the tests do not use them.
   */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private static final Logger CHROMIUM_LOG = Logger.getLogger("org.openqa.selenium.chromium");

  static {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    CHROMIUM_LOG.setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final Path downloads;

  private HeadlessChromium(ChromeDriver driver, Path downloads) {
    this.driver = driver;
    this.downloads = downloads;
  }

  /** A fresh browser with its profile and downloads under {@code directory}. */
  public static HeadlessChromium start(Path directory) {
    try {
      Path profile = Files.createDirectories(directory.resolve("profile"));
      Path downloads = Files.createDirectories(directory.resolve("downloads"));
      System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--user-data-dir=" + profile);
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false,
              "download.directory_upgrade",
              true));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.PERFORMANCE, Level.ALL);
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      // a loaded CI machine can take this long to render a console page; a slow page is no defect
      // here
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
      return new HeadlessChromium(driver, downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Waits for a finished download of that name (Chrome writes *.crdownload until it is complete).
   */
  public Path awaitDownload(String fileName, Duration timeout) throws InterruptedException {
    Path file = downloads.resolve(fileName);
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.isRegularFile(file) && inProgress().isEmpty()) {
        return file;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        fileName
            + " was not downloaded within "
            + timeout
            + "; the download directory holds "
            + inProgress()
            + " in progress");
  }

  private List<Path> inProgress() {
    try (Stream<Path> files = Files.list(downloads)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".crdownload")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bodies of the POST requests the page sent to URLs containing {@code urlPart}, from the
   * network log.
   */
  public List<String> postedBodies(String urlPart) {
    return postedBodies(sentRequests(), urlPart);
  }

  /**
   * The bodies of those of the given requests that were POSTs to URLs containing {@code urlPart}.
   */
  public static List<String> postedBodies(List<JsonObject> requests, String urlPart) {
    return requests.stream()
        .filter(
            request ->
                "POST".equals(request.getString("method"))
                    && request.getString("url").contains(urlPart))
        .map(HeadlessChromium::postData)
        .toList();
  }

  /**
   * Every request the browser sent since the last call (url, method, headers, body), from the
   * network log. Reading empties the log.
   */
  public List<JsonObject> sentRequests() {
    return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
        .map(
            entry ->
                Json.createReader(new StringReader(entry.getMessage()))
                    .readObject()
                    .getJsonObject("message"))
        .filter(message -> "Network.requestWillBeSent".equals(message.getString("method")))
        .map(message -> message.getJsonObject("params").getJsonObject("request"))
        .toList();
  }

  private static String postData(JsonObject request) {
    if (request.containsKey("postData")) {
      return request.getString("postData");
    }
    // Newer Chromium versions send the body as entries of base64 bytes.
    StringBuilder body = new StringBuilder();
    request
        .getJsonArray("postDataEntries")
        .forEach(
            entry ->
                body.append(
                    new String(
                        Base64.getDecoder().decode(entry.asJsonObject().getString("bytes")),
                        StandardCharsets.UTF_8)));
    return body.toString();
  }

  /**
   * What the browser's console said about Content Security Policy since the last call: every
   * script, handler or style the page's policy refused. Reading empties the log.
   */
  public List<String> cspViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(entry -> entry.getMessage())
        .filter(message -> message.contains("Content Security Policy"))
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
