package org.aftercare;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/modules.md is true: every table and view the migrations leave behind is listed
 * with one owner, every read model is a row-level-security-respecting view in the
 * {@code read_model} schema that lists every table it reads, and every page a controller
 * answers is listed with the package that holds it. A migration or a controller that adds
 * something the map does not list fails here.
 */
class ModuleMapTests {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Path SOURCES = Path.of("src/main/java/org/aftercare");

	private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?";

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(" + NAME + ")");

	private static final Pattern CREATE_VIEW = Pattern.compile(
			"(?is)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(" + NAME + ")(.*?)\\bas\\b(.*?);");

	private static final Pattern DROP = Pattern.compile("(?i)\\bdrop\\s+(?:materialized\\s+)?(table|view)\\s+"
			+ "(?:if\\s+exists\\s+)?(" + NAME + "(?:\\s*,\\s*" + NAME + ")*)");

	private static final Pattern RENAME = Pattern.compile("(?i)\\balter\\s+(table|view)\\s+(?:if\\s+exists\\s+)?("
			+ NAME + ")\\s+rename\\s+to\\s+([A-Za-z_][A-Za-z0-9_]*)");

	private final ModuleMap map = ModuleMap.read();

	@Test
	void everyTableTheMigrationsLeaveIsListedWithItsOwner() throws IOException {
		Schema schema = Schema.fromMigrations();
		assertThat(this.map.tables.keySet()).as("tables in docs/modules.md, against the migrations")
			.containsExactlyInAnyOrderElementsOf(schema.tables);
		assertThat(this.map.duplicates).as("listed twice in docs/modules.md").isEmpty();
		Set<String> owners = new LinkedHashSet<>(modules());
		owners.add(ModuleMap.FRAMEWORK);
		assertThat(this.map.tables)
			.allSatisfy((table, owner) -> assertThat(owner).as("the owner of %s", table).isIn(owners));
	}

	@Test
	void everyViewIsADeclaredReadModelThatRespectsRowLevelSecurityAndListsWhatItReads() throws IOException {
		Schema schema = Schema.fromMigrations();
		assertThat(this.map.readModels.keySet()).as("read models in docs/modules.md, against the migrations")
			.containsExactlyInAnyOrderElementsOf(schema.views.keySet());
		Set<String> modules = modules();
		schema.views.forEach((view, definition) -> {
			assertThat(view).as("a view is a read model, named as one").startsWith("read_model.");
			assertThat(definition.options()).as("%s reads the tables as the role that queries it", view)
				.containsPattern("(?i)security_invoker\\s*=\\s*(true|on)");
			ModuleMap.ReadModel declared = this.map.readModels.get(view);
			assertThat(modules).as("the module of %s", view).contains(declared.module());
			Set<String> reads = SqlReferences.in(definition.query())
				.stream()
				.map(String::toLowerCase)
				.filter(schema.tables::contains)
				.collect(Collectors.toCollection(LinkedHashSet::new));
			assertThat(declared.reads()).as("the tables %s reads, as docs/modules.md lists them", view)
				.containsExactlyInAnyOrderElementsOf(reads);
		});
	}

	@Test
	void everyPageIsListedWithThePackageThatHoldsIt() {
		Map<String, String> pages = pages();
		assertThat(pages).as("the controllers' GET mappings").containsKeys("/clinician/flags", "/me", "/login");
		assertThat(this.map.pages).as("pages in docs/modules.md, against the controllers")
			.containsExactlyInAnyOrderEntriesOf(pages);
	}

	/** Every path a controller answers to GET, and the package under org.aftercare. */
	static Map<String, String> pages() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		Map<String, String> pages = new TreeMap<>();
		scanner.findCandidateComponents("org.aftercare").forEach((candidate) -> {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			String module = type.getPackageName().substring("org.aftercare.".length()).split("\\.")[0];
			List<String> prefixes = paths(MergedAnnotations.from(type).get(RequestMapping.class));
			Arrays.stream(type.getDeclaredMethods())
				.sorted(Comparator.comparing(Method::getName))
				.map((method) -> MergedAnnotations.from(method).get(RequestMapping.class))
				.filter(MergedAnnotation::isPresent)
				.filter((mapping) -> {
					RequestMethod[] methods = mapping.getEnumArray("method", RequestMethod.class);
					return methods.length == 0 || Arrays.asList(methods).contains(RequestMethod.GET);
				})
				.flatMap((mapping) -> paths(mapping).stream())
				.forEach((path) -> prefixes.forEach((prefix) -> pages.put(prefix + path, module)));
		});
		return pages;
	}

	private static List<String> paths(MergedAnnotation<RequestMapping> mapping) {
		if (!mapping.isPresent()) {
			return List.of("");
		}
		String[] paths = mapping.getStringArray("path");
		return (paths.length == 0) ? List.of("") : List.of(paths);
	}

	/** The application modules: the packages right under org.aftercare. */
	static Set<String> modules() throws IOException {
		try (Stream<Path> children = Files.list(SOURCES)) {
			return children.filter(Files::isDirectory)
				.map((dir) -> dir.getFileName().toString())
				.collect(Collectors.toCollection(java.util.TreeSet::new));
		}
	}

	/**
	 * The tables and views the migrations leave, in version order: created, renamed or
	 * dropped. A view keeps its last definition.
	 */
	record Schema(Set<String> tables, Map<String, View> views) {

		record View(String options, String query) {
		}

		static Schema fromMigrations() throws IOException {
			Set<String> tables = new LinkedHashSet<>();
			Map<String, View> views = new LinkedHashMap<>();
			for (Path migration : migrations()) {
				String sql = SqlReferences.withoutComments(Files.readString(migration));
				// Statements in file order: what a later one drops or renames was made
				// earlier.
				Matcher statement = Pattern
					.compile(CREATE_TABLE.pattern() + "|" + CREATE_VIEW.pattern() + "|" + DROP.pattern() + "|"
							+ RENAME.pattern())
					.matcher(sql);
				while (statement.find()) {
					String text = statement.group();
					Matcher m;
					if ((m = CREATE_TABLE.matcher(text)).lookingAt()) {
						tables.add(unqualified(m.group(1)));
					}
					else if ((m = CREATE_VIEW.matcher(text)).lookingAt()) {
						views.put(m.group(1).toLowerCase(), new View(m.group(2), m.group(3)));
					}
					else if ((m = DROP.matcher(text)).lookingAt()) {
						for (String name : m.group(2).split("\\s*,\\s*")) {
							(m.group(1).equalsIgnoreCase("table") ? tables : views.keySet())
								.remove(m.group(1).equalsIgnoreCase("table") ? unqualified(name) : name.toLowerCase());
						}
					}
					else if ((m = RENAME.matcher(text)).lookingAt()) {
						if (m.group(1).equalsIgnoreCase("table")) {
							tables.remove(unqualified(m.group(2)));
							tables.add(m.group(3).toLowerCase());
						}
						else {
							String from = m.group(2).toLowerCase();
							String schema = from.contains(".") ? from.substring(0, from.indexOf('.') + 1) : "";
							views.put(schema + m.group(3).toLowerCase(), views.remove(from));
						}
					}
				}
			}
			return new Schema(tables, views);
		}

		private static String unqualified(String name) {
			String lower = name.toLowerCase();
			return lower.startsWith("public.") ? lower.substring("public.".length()) : lower;
		}

		/** V1, V2, ..., V10, V24_1: by version number, as Flyway applies them. */
		static List<Path> migrations() throws IOException {
			try (Stream<Path> files = Files.list(MIGRATIONS)) {
				return files.filter((f) -> f.getFileName().toString().matches("V[0-9_.]+__.*\\.sql"))
					.sorted(Comparator.comparing(Schema::version, Schema::compareVersions))
					.toList();
			}
		}

		private static int[] version(Path migration) {
			String name = migration.getFileName().toString();
			return Arrays.stream(name.substring(1, name.indexOf("__")).split("[_.]"))
				.mapToInt(Integer::parseInt)
				.toArray();
		}

		private static int compareVersions(int[] a, int[] b) {
			return Arrays.compare(a, b);
		}

	}

}
