package org.pkiaas.it;

import jakarta.annotation.Resource;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.pkiaas.schema.SchemaMigration;

/**
 * Reads every row of every entity back through the application's own JPA mappings: a test-only WAR
 * beside the EAR whose persistence unit lists the EAR's mapped classes (seen through a module
 * dependency on its EJB module) over the application's datasource, so an upgraded schema that a
 * mapping no longer fits fails here, table by table.
 */
final class UpgradeReader {

  static final String DEPLOYMENT = "upgrade-reader";

  private UpgradeReader() {}

  /** The WAR, its persistence unit naming each mapped class of the application. */
  static WebArchive war() throws IOException {
    StringBuilder classes = new StringBuilder();
    for (String name : mappedClasses()) {
      classes.append("    <class>").append(name).append("</class>\n");
    }
    String persistence =
        """
        <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
          <persistence-unit name="upgrade-reader" transaction-type="JTA">
            <jta-data-source>java:jboss/datasources/PkiaasDS</jta-data-source>
        %s    <exclude-unlisted-classes>true</exclude-unlisted-classes>
            <shared-cache-mode>NONE</shared-cache-mode>
            <properties>
              <property name="hibernate.hbm2ddl.auto" value="none"/>
              <property name="hibernate.jdbc.time_zone" value="UTC"/>
              <property name="hibernate.integration.envers.enabled" value="false"/>
            </properties>
          </persistence-unit>
        </persistence>
        """
            .formatted(classes);
    String structure =
        """
        <jboss-deployment-structure>
          <deployment>
            <dependencies>
              <module name="deployment.pkiaas.ear"/>
              <module name="deployment.pkiaas.ear.pkiaas-ejb.jar"/>
            </dependencies>
          </deployment>
        </jboss-deployment-structure>
        """;
    return ShrinkWrap.create(WebArchive.class, DEPLOYMENT + ".war")
        .addClass(Servlet.class)
        .addAsResource(new StringAsset(persistence), "META-INF/persistence.xml")
        .addAsWebInfResource(new StringAsset(structure), "jboss-deployment-structure.xml");
  }

  /** The application's entities, embeddables, mapped superclasses and converters, by name. */
  static List<String> mappedClasses() throws IOException {
    List<String> names = new ArrayList<>();
    for (String file : ejbModuleFiles()) {
      if (file.startsWith("org/pkiaas/") && file.endsWith(".class")) {
        String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
        if (mapped(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The names of the application's migrations ({@code V23__ca_timestamping}), SQL and Java. */
  static List<String> migrationNames() throws IOException {
    return ejbModuleFiles().stream()
        .filter(f -> f.startsWith("db/migration/V"))
        .map(f -> f.substring("db/migration/".length(), f.lastIndexOf('.')))
        .toList();
  }

  /** The paths of the files in the application's EJB module (as on the test class path), sorted. */
  private static List<String> ejbModuleFiles() throws IOException {
    Path root;
    try {
      root =
          Path.of(
              SchemaMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root)) {
      Path base = jar == null ? root : jar.getPath("/");
      try (Stream<Path> files = Files.walk(base)) {
        return files
            .filter(Files::isRegularFile)
            .map(f -> base.relativize(f).toString())
            .sorted(Comparator.naturalOrder())
            .toList();
      }
    }
  }

  private static boolean mapped(String name) {
    try {
      Class<?> type = Class.forName(name, false, UpgradeReader.class.getClassLoader());
      return type.isAnnotationPresent(Entity.class)
          || type.isAnnotationPresent(Embeddable.class)
          || type.isAnnotationPresent(MappedSuperclass.class)
          || type.isAnnotationPresent(Converter.class);
    } catch (ClassNotFoundException | LinkageError e) {
      // A class built on what only the server has (Faces, Micrometer) is no mapping.
      return false;
    }
  }

  /**
   * Answers {@code GET /entities} with one line per entity: its name, the rows loaded (every
   * attribute read, every collection filled) and the rows its table holds (counted in SQL).
   */
  @WebServlet("/entities")
  public static class Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @PersistenceContext(unitName = "upgrade-reader")
    private transient EntityManager entities;

    @Resource private transient UserTransaction transaction;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("text/plain");
      StringWriter lines = new StringWriter();
      try {
        transaction.begin();
        try {
          List<EntityType<?>> types = new ArrayList<>(entities.getMetamodel().getEntities());
          types.sort(Comparator.comparing(EntityType::getName));
          for (EntityType<?> type : types) {
            lines.write(type.getName() + " " + load(type) + " " + count(type) + "\n");
            entities.clear();
          }
        } finally {
          transaction.rollback();
        }
      } catch (Exception e) {
        response.setStatus(500);
        e.printStackTrace(new PrintWriter(lines));
      }
      response.getWriter().write(lines.toString());
    }

    private int load(EntityType<?> type) throws IllegalAccessException {
      List<?> rows =
          entities
              .createQuery("SELECT e FROM " + type.getName() + " e", Object.class)
              .getResultList();
      for (Object row : rows) {
        for (Attribute<?, ?> attribute : type.getAttributes()) {
          if (attribute.getJavaMember() instanceof Field field) {
            field.setAccessible(true);
            Object value = field.get(row);
            if (value instanceof Collection<?> collection) {
              collection.size();
            } else if (value instanceof Map<?, ?> map) {
              map.size();
            } else if (value != null) {
              value.hashCode();
            }
          }
        }
      }
      return rows.size();
    }

    /** The rows of the entity's table, counted in SQL. */
    private long count(EntityType<?> type) {
      Table table = type.getJavaType().getAnnotation(Table.class);
      String name = table == null || table.name().isEmpty() ? type.getName() : table.name();
      return ((Number) entities.createNativeQuery("SELECT COUNT(*) FROM " + name).getSingleResult())
          .longValue();
    }
  }
}
