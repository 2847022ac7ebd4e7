package org.aftercare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/modules.md as data: which module owns each table, each read model and each page.
 * The tests that keep the page true ({@link ModuleMapTests}) and that use it
 * ({@link CrossModuleSqlTests}) read it from here.
 */
final class ModuleMap {

	static final Path FILE = Path.of("docs/modules.md");

	/** The owner of a table that no module owns (a framework's). */
	static final String FRAMEWORK = "(framework)";

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** Table name to the module that owns it, or {@link #FRAMEWORK}. */
	final Map<String, String> tables;

	/** Read model (schema-qualified) to its module and the tables it reads. */
	final Map<String, ReadModel> readModels;

	/** Page path to the package that holds it. */
	final Map<String, String> pages;

	/** Names listed twice in one section. */
	final List<String> duplicates;

	record ReadModel(String module, Set<String> reads) {
	}

	private ModuleMap(Map<String, String> tables, Map<String, ReadModel> readModels, Map<String, String> pages,
			List<String> duplicates) {
		this.tables = tables;
		this.readModels = readModels;
		this.pages = pages;
		this.duplicates = duplicates;
	}

	static ModuleMap read() {
		try {
			return parse(Files.readAllLines(FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ModuleMap parse(List<String> lines) {
		Map<String, String> tables = new LinkedHashMap<>();
		Map<String, ReadModel> readModels = new LinkedHashMap<>();
		Map<String, String> pages = new LinkedHashMap<>();
		List<String> duplicates = new ArrayList<>();
		String section = "";
		for (String line : lines) {
			if (line.startsWith("## ")) {
				section = line.substring(3).strip();
				continue;
			}
			if (!line.startsWith("| `")) {
				continue;
			}
			String[] cells = line.substring(1, line.length() - 1).split("\\|");
			String name = code(cells[0]).get(0);
			String previous = switch (section) {
				case "Tables" -> tables.put(name, owner(cells[1]));
				case "Read models" -> {
					ReadModel readModel = new ReadModel(owner(cells[1]), new LinkedHashSet<>(code(cells[2])));
					yield (readModels.put(name, readModel) != null) ? name : null;
				}
				case "Pages" -> pages.put(name, owner(cells[1]));
				default -> null;
			};
			if (previous != null) {
				duplicates.add(section + ": " + name);
			}
		}
		return new ModuleMap(tables, readModels, pages, duplicates);
	}

	/** The module a table belongs to, or {@link #FRAMEWORK}; null when not listed. */
	String ownerOf(String table) {
		return this.tables.get(table);
	}

	private static String owner(String cell) {
		List<String> names = code(cell);
		return names.isEmpty() ? FRAMEWORK : names.get(0);
	}

	private static List<String> code(String cell) {
		List<String> names = new ArrayList<>();
		Matcher matcher = CODE.matcher(cell);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
