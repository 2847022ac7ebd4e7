package org.aftercare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No SQL crosses a module: each module's native SQL and JPQL (every string literal of its
 * main sources) names only the tables docs/modules.md lists for it, its own entities and
 * its own read models; each JPA entity maps a table of its own module. What a page needs
 * from several modules it reads from a read model, whose definition alone names the
 * others' tables ({@link ModuleMapTests} checks those).
 */
class CrossModuleSqlTests {

	private static final Pattern TABLE = Pattern.compile("@Table\\(name\\s*=\\s*\"([A-Za-z0-9_]+)\"");

	private final ModuleMap map = ModuleMap.read();

	@Test
	void noModulesSqlNamesAnotherModulesTable() throws IOException {
		Map<String, String> entities = entities();
		List<String> violations = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (Map.Entry<Path, String> file : sources().entrySet()) {
			String module = moduleOf(file.getKey());
			List<String> names = SqlReferences.javaStrings(file.getValue())
				.stream()
				.flatMap((string) -> SqlReferences.in(string).stream())
				.toList();
			seen.addAll(names);
			violations.addAll(violations(module, file.getKey().toString(), names, entities));
		}
		assertThat(violations).as("SQL naming what another module owns").isEmpty();
		// Not for want of looking: the modules' own tables and read models are there.
		assertThat(seen).contains("flag", "symptom_report", "audit_event", "user_account",
				"read_model.flag_queue_staff", "SymptomReport");
	}

	@Test
	void everyEntityMapsATableOfItsOwnModule() throws IOException {
		List<String> violations = new ArrayList<>();
		sources().forEach((file, source) -> {
			Matcher table = TABLE.matcher(source);
			while (table.find()) {
				String owner = this.map.ownerOf(table.group(1));
				if (!moduleOf(file).equals(owner)) {
					violations.add(file + " maps " + table.group(1) + " (" + owner + ")");
				}
			}
		});
		assertThat(violations).isEmpty();
	}

	@Test
	void aModuleNamingAnotherModulesTableOrReadModelIsReported() throws IOException {
		String source = """
				class Example {
					// SELECT * FROM audit_event: a comment is not SQL.
					private static final String SQL = \"""
							SELECT f.id, p.given_name FROM flag f
							  JOIN patient p ON p.clinic_id = f.clinic_id AND p.id = f.patient_id
							 WHERE EXISTS (SELECT 1 FROM flag_evidence e, check_in c WHERE e.flag_id = f.id)
							\""";
					void erase() {
						jdbc.sql("DELETE FROM event_publication WHERE id = ?");
						jdbc.sql("SELECT * FROM read_model.report_list");
					}
					@Query("select r from SymptomReport r where r.id = ?1")
					Object report();
				}
				""";
		List<String> names = SqlReferences.javaStrings(source)
			.stream()
			.flatMap((string) -> SqlReferences.in(string).stream())
			.toList();
		assertThat(names).containsExactly("flag", "patient", "flag_evidence", "check_in", "event_publication",
				"read_model.report_list", "SymptomReport");
		assertThat(violations("triage", "Example.java", names, entities())).containsExactly(
				"Example.java (triage) names patient, which module patient owns",
				"Example.java (triage) names check_in, which module treatment owns",
				"Example.java (triage) names event_publication, which (framework) owns",
				"Example.java (triage) names read_model.report_list, which module dashboard owns",
				"Example.java (triage) names SymptomReport, which module report owns");
	}

	/**
	 * What the names of one file, of one module, say about other modules' tables, read
	 * models and entities; names that are none of these (aliases, common table
	 * expressions, the catalog) are not looked at.
	 */
	private List<String> violations(String module, String file, List<String> names, Map<String, String> entities) {
		List<String> violations = new ArrayList<>();
		for (String name : names) {
			String lower = name.toLowerCase();
			String owner;
			if (lower.startsWith("read_model.")) {
				ModuleMap.ReadModel readModel = this.map.readModels.get(lower);
				owner = (readModel != null) ? readModel.module() : "no module: not a declared read model";
			}
			else if (entities.containsKey(name)) {
				owner = entities.get(name);
			}
			else {
				owner = this.map.ownerOf(lower.startsWith("public.") ? lower.substring(7) : lower);
			}
			if (owner != null && !owner.equals(module)) {
				String whose = owner.equals(ModuleMap.FRAMEWORK) ? owner : "module " + owner;
				violations.add(file + " (" + module + ") names " + name + ", which " + whose + " owns");
			}
		}
		return violations;
	}

	/** The main Java sources of the modules, by path. */
	private static Map<Path, String> sources() throws IOException {
		Map<Path, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(ModuleMapTests.SOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				if (file.getParent().equals(ModuleMapTests.SOURCES)) {
					// The application class: no module's.
					continue;
				}
				sources.put(file, Files.readString(file));
			}
		}
		return sources;
	}

	/** JPA entity names (what JPQL names) to their module. */
	private static Map<String, String> entities() throws IOException {
		Map<String, String> entities = new TreeMap<>();
		sources().forEach((file, source) -> {
			if (source.contains("\n@Entity")) {
				String name = file.getFileName().toString();
				entities.put(name.substring(0, name.length() - ".java".length()), moduleOf(file));
			}
		});
		return entities;
	}

	private static String moduleOf(Path file) {
		return ModuleMapTests.SOURCES.relativize(file).getName(0).toString();
	}

}
