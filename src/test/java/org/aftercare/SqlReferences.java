package org.aftercare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SQL text names as a relation it reads or writes: the names after {@code FROM},
 * {@code JOIN}, {@code UPDATE}, {@code INTO}, {@code USING}, {@code TABLE} and
 * {@code TRUNCATE} (a {@code FROM} list's further names too), schema-qualified where they
 * are. JPQL names entities in the same places. Names the text does not use as relations
 * (a table's name inside a string, a catalog lookup) are not references.
 */
final class SqlReferences {

	private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?";

	private static final Pattern AFTER_KEYWORD = Pattern
		.compile("(?i)\\b(from|join|update|into|using|table|truncate)\\s+(?:only\\s+|lateral\\s+)?(" + NAME + ")");

	/** A further item of a FROM list: ", name" after "name alias". */
	private static final Pattern LIST_ITEM = Pattern
		.compile("\\G(?:\\s+(?:(?i:as)\\s+)?(?!(?i:where|join|left|right|inner|full|cross|on|order|group|limit|"
				+ "union|natural|having|window|for|returning|set)\\b)[A-Za-z_][A-Za-z0-9_]*)?\\s*,\\s*(" + NAME + ")");

	private SqlReferences() {
	}

	/** The relation (or entity) names the text uses, in order, each once. */
	static Set<String> in(String sql) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = AFTER_KEYWORD.matcher(sql);
		while (matcher.find()) {
			names.add(matcher.group(2));
			if (matcher.group(1).equalsIgnoreCase("from")) {
				Matcher item = LIST_ITEM.matcher(sql);
				int at = matcher.end();
				while (item.find(at) && item.start() == at) {
					names.add(item.group(1));
					at = item.end();
				}
			}
		}
		return names;
	}

	/**
	 * The string literals of a Java source file, text blocks included, in order; comments
	 * and character literals are skipped.
	 */
	static List<String> javaStrings(String source) {
		List<String> strings = new ArrayList<>();
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
				i = source.indexOf('\n', i);
				i = (i < 0) ? n : i;
			}
			else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
				int end = source.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else if (c == '\'') {
				i = skipQuoted(source, i + 1, '\'');
			}
			else if (source.startsWith("\"\"\"", i)) {
				int start = source.indexOf('\n', i) + 1;
				int end = start;
				while (end < n && !(source.startsWith("\"\"\"", end) && source.charAt(end - 1) != '\\')) {
					end++;
				}
				strings.add(source.substring(start, end));
				i = end + 3;
			}
			else if (c == '"') {
				int end = skipQuoted(source, i + 1, '"');
				strings.add(source.substring(i + 1, end - 1));
				i = end;
			}
			else {
				i++;
			}
		}
		return strings;
	}

	/** The index just past the closing quote, escapes honoured. */
	private static int skipQuoted(String source, int from, char quote) {
		int i = from;
		while (i < source.length() && source.charAt(i) != quote) {
			i += (source.charAt(i) == '\\') ? 2 : 1;
		}
		return i + 1;
	}

	/** SQL without its comments ({@code --} to the end of the line). */
	static String withoutComments(String sql) {
		return sql.replaceAll("--[^\n]*", "");
	}

}
