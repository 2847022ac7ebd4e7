package org.aftercare.dashboard;

/**
 * What the clinic's treatments are grouped by. Each carries the SQL that keys one
 * treatment of the period (the {@code episode} rows) to its group or groups; the text is
 * fixed here, never taken from a request.
 */
enum AnalyticsDimension {

	PRODUCT("""
			SELECT e.product AS group_key, NULL AS group_name, e.answered, e.with_symptom
			  FROM episode e
			"""),

	INJECTOR("""
			SELECT CAST(e.injector_id AS text) AS group_key, u.display_name AS group_name, e.answered, e.with_symptom
			  FROM episode e
			  JOIN read_model.analytics_injector u ON u.clinic_id = :clinic AND u.id = e.injector_id
			"""),

	/** A treatment counts once in each area it included. */
	AREA("""
			SELECT a.area AS group_key, NULL AS group_name, e.answered, e.with_symptom
			  FROM episode e
			  JOIN LATERAL (SELECT DISTINCT ta.area FROM read_model.analytics_area ta
			                 WHERE ta.clinic_id = :clinic AND ta.treatment_id = e.id) a ON TRUE
			"""),

	/** Total units of the treatment, all areas together. */
	DOSE_BAND("""
			SELECT CASE WHEN d.units < 20 THEN 'UNDER_20'
			            WHEN d.units < 40 THEN 'FROM_20'
			            WHEN d.units < 60 THEN 'FROM_40'
			            ELSE 'FROM_60' END AS group_key,
			       NULL AS group_name, e.answered, e.with_symptom
			  FROM episode e
			  CROSS JOIN LATERAL (SELECT coalesce(sum(ta.units), 0) AS units FROM read_model.analytics_area ta
			                       WHERE ta.clinic_id = :clinic AND ta.treatment_id = e.id) d
			""");

	/** The dose bands in the order they are shown. */
	static final java.util.List<String> DOSE_BANDS = java.util.List.of("UNDER_20", "FROM_20", "FROM_40", "FROM_60");

	private final String keyed;

	AnalyticsDimension(String keyed) {
		this.keyed = keyed;
	}

	String keyedSql() {
		return this.keyed;
	}

}
