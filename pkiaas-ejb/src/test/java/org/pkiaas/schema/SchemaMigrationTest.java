package org.pkiaas.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaMigrationTest {

  @Test
  void theDatabaseLineLeavesOutUrlOptionsThatMayHoldAPassword() {
    assertEquals(
        "jdbc:mariadb://127.0.0.1:3306/pkiaas",
        SchemaMigration.withoutOptions(
            "jdbc:mariadb://127.0.0.1:3306/pkiaas?user=pkiaas&password=secret"));
    assertEquals(
        "jdbc:h2:/srv/data/pkiaas/pkiaas",
        SchemaMigration.withoutOptions(
            "jdbc:h2:/srv/data/pkiaas/pkiaas;DB_CLOSE_ON_EXIT=FALSE;PASSWORD=x"));
  }

  @Test
  void h2GetsItsOwnTypes() {
    assertEquals(
        Map.of("datetime", "TIMESTAMP(3)", "blob", "BLOB", "text", "CLOB"),
        SchemaMigration.typesFor("h2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "mysql"})
  void mariaDbAndMySqlGetLongTypes(String product) {
    assertEquals(
        Map.of("datetime", "DATETIME(3)", "blob", "LONGBLOB", "text", "LONGTEXT"),
        SchemaMigration.typesFor(product));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "mariadb"})
  void everyPlaceholderOfTheMigrationsIsFilled(String product) throws Exception {
    Set<String> used = new TreeSet<>();
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("db/migration/V1__foundation.sql")) {
      assertNotNull(in, "V1__foundation.sql is not on the class path");
      Matcher placeholder =
          Pattern.compile("\\$\\{([^}]+)}")
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (placeholder.find()) {
        used.add(placeholder.group(1));
      }
    }
    assertFalse(used.isEmpty());
    assertTrue(
        SchemaMigration.typesFor(product).keySet().containsAll(used),
        "placeholders " + used + ", filled " + SchemaMigration.typesFor(product).keySet());
  }
}
