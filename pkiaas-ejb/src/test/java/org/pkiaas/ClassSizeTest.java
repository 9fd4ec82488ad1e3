package org.pkiaas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the house rule on class size: no main class of any module is over {@value #LIMIT} lines
 * unless its Javadoc says why ("Longer than 300 lines because ..."). Reads the sources of every
 * module of the checkout this module sits in.
 */
class ClassSizeTest {

  static final int LIMIT = 300;

  /** The reason's wording; its Javadoc must name the limit. */
  private static final Pattern REASON = Pattern.compile("(?s)/\\*\\*.*\\b300 lines\\b.*?\\*/");

  /** The top-level type, after its Javadoc and annotations. */
  private static final Pattern TYPE =
      Pattern.compile("(?m)^(public |final |abstract |sealed )*(class|record|enum|interface) ");

  @Test
  void everyLongClassSaysWhyInItsJavadoc() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.isDirectory(root.resolve("pkiaas-ejb")), "run from a module of the checkout");
    List<String> unexplained = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            String name = dir.getFileName().toString();
            return name.equals("target") || name.equals("node_modules") || name.startsWith(".")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String path = root.relativize(file).toString();
            if (path.endsWith(".java")
                && path.contains("/src/main/java/")
                && longWithoutReason(file)) {
              unexplained.add(path);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(unexplained);
    assertEquals(
        List.of(),
        unexplained,
        "over " + LIMIT + " lines without a reason in the class Javadoc: split them or say why");
  }

  private static boolean longWithoutReason(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      if (lines.size() <= LIMIT) {
        return false;
      }
      String text = String.join("\n", lines);
      var type = TYPE.matcher(text);
      String head = type.find() ? text.substring(0, type.start()) : text;
      return !REASON.matcher(head).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
