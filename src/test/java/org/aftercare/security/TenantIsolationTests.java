package org.aftercare.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.aftercare.AftercareTest;
import org.aftercare.EmbeddedPostgresEnvironment;
import org.aftercare.TestFixtures;
import org.aftercare.TestFixtures.World;
import org.aftercare.account.AccountService;
import org.aftercare.audit.AuditAction;
import org.aftercare.audit.AuditEvent;
import org.aftercare.audit.AuditLog;
import org.aftercare.report.NewEntry;
import org.aftercare.report.NewReport;
import org.aftercare.report.ReportService;
import org.aftercare.report.Symptom;
import org.aftercare.treatment.CheckInId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tenant isolation: PostgreSQL row-level security underneath the application's own clinic
 * filters. The application's connections (the role {@code aftercare_app}) run queries
 * here with their {@code clinic_id} filter left out, and still see nothing of another
 * clinic. Two clinics, A and B, each with rows in every clinic-owned table; the tables
 * and read models come from the catalog, so one added later is covered without a change
 * here.
 */
@AftercareTest
class TenantIsolationTests {

	@Autowired
	TestFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ReportService reports;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	org.aftercare.report.CheckInLinks checkInLinks;

	/** The schema's owner, past row-level security: to see what is really there. */
	private final JdbcClient owner = JdbcClient.create(EmbeddedPostgresEnvironment.ownerDataSource());

	private World a;

	private World b;

	@BeforeEach
	void twoClinicsWithRowsInEveryTable() throws Exception {
		this.a = clinicWithRowsEverywhere();
		this.b = clinicWithRowsEverywhere();
	}

	@Test
	void everyClinicOwnedTableShowsClinicAOnlyItsOwnRowsWithoutAWhereClause() {
		List<String> tables = clinicOwnedTables();
		assertThat(tables).contains("patient", "symptom_report", "flag", "audit_event", "erasure_request",
				"report_photo");
		for (String table : tables) {
			assertThat(ownerCount(table, this.b.clinicId())).as("rows of clinic B in %s", table).isPositive();
			List<UUID> seen = inClinic(this.a.clinicId(),
					() -> this.jdbc.sql("SELECT clinic_id FROM " + table).query(UUID.class).list());
			assertThat(seen).as("clinics seen in %s with clinic A's scope", table)
				.isNotEmpty()
				.containsOnly(this.a.clinicId());
		}
		List<UUID> clinics = inClinic(this.a.clinicId(),
				() -> this.jdbc.sql("SELECT id FROM clinic").query(UUID.class).list());
		assertThat(clinics).containsExactly(this.a.clinicId());
	}

	@Test
	void writesToAnotherClinicAreRefused() {
		// A row of clinic B written while scoped to A.
		assertThatThrownBy(() -> inClinic(this.a.clinicId(), () -> this.jdbc.sql("""
				INSERT INTO clinic_security (clinic_id, require_two_factor) VALUES (?, true)
				ON CONFLICT (clinic_id) DO NOTHING
				""").param(this.b.clinicId()).update())).rootCause()
			.hasMessageContaining("violates row-level security policy");
		// One of A's rows moved to clinic B.
		assertThatThrownBy(() -> inClinic(this.a.clinicId(),
				() -> this.jdbc.sql("UPDATE clinic_security SET clinic_id = ? WHERE clinic_id = ?")
					.params(this.b.clinicId(), this.a.clinicId())
					.update()))
			.rootCause()
			.hasMessageContaining("violates row-level security policy");
		// B's rows are not there to change or delete.
		assertThat(inClinic(this.a.clinicId(),
				() -> this.jdbc.sql("UPDATE patient SET phone = '000' WHERE clinic_id = ?")
					.param(this.b.clinicId())
					.update()))
			.isZero();
		assertThat(inClinic(this.a.clinicId(),
				() -> this.jdbc.sql("DELETE FROM recovery_code WHERE clinic_id = ?").param(this.b.clinicId()).update()))
			.isZero();
		assertThat(this.owner.sql("SELECT count(*) FROM patient WHERE clinic_id = ? AND phone = '000'")
			.param(this.b.clinicId())
			.query(Long.class)
			.single()).isZero();
		assertThat(ownerCount("recovery_code", this.b.clinicId())).isPositive();
	}

	@Test
	void withoutAScopeNothingIsVisible() throws Exception {
		// A thread of its own: no test harness, nobody signed in, no explicit scope.
		List<String> visible = CompletableFuture.supplyAsync(() -> {
			List<String> found = new ArrayList<>();
			for (String table : tablesWithClinic()) {
				long inTransaction = new TransactionTemplate(this.transactions)
					.execute((status) -> this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
				long outsideTransaction = this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
				if (inTransaction + outsideTransaction > 0) {
					found.add(table);
				}
			}
			return found;
		}).get();
		assertThat(visible).isEmpty();
		assertThat(ownerCount("patient", this.a.clinicId())).isPositive();
	}

	@Test
	void theAppRoleMayNotUpdateOrDeleteTheAuditTrail() {
		assertThatThrownBy(() -> inClinic(this.a.clinicId(),
				() -> this.jdbc.sql("UPDATE audit_event SET detail = 'changed' WHERE clinic_id = ?")
					.param(this.a.clinicId())
					.update()))
			.rootCause()
			.hasMessageContaining("permission denied for table audit_event");
		assertThatThrownBy(() -> inClinic(this.a.clinicId(),
				() -> this.jdbc.sql("DELETE FROM audit_event WHERE clinic_id = ?").param(this.a.clinicId()).update()))
			.rootCause()
			.hasMessageContaining("permission denied for table audit_event");
		assertThat(this.owner.sql("""
				SELECT has_table_privilege(?, 'audit_event', 'SELECT'), has_table_privilege(?, 'audit_event', 'INSERT'),
				       has_table_privilege(?, 'audit_event', 'UPDATE'), has_table_privilege(?, 'audit_event', 'DELETE'),
				       has_table_privilege(?, 'audit_event', 'TRUNCATE')
				""")
			.params(role(), role(), role(), role(), role())
			.query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
					rs.getBoolean(5)))
			.single()).containsExactly(true, true, false, false, false);
		// The trigger of V3 stays, for the owner too.
		assertThat(this.owner.sql("""
				SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_event_no_update_or_delete' AND tgenabled = 'O'
				""").query(Long.class).single()).isOne();
	}

	@Test
	void everyClinicOwnedTableHasItsPolicyAndTheAppRoleCannotEscapeIt() {
		assertThat(this.jdbc.sql("SELECT current_user").query(String.class).single())
			.isEqualTo(EmbeddedPostgresEnvironment.APP_ROLE);
		List<String> unprotected = this.owner.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
				   AND (EXISTS (SELECT 1 FROM pg_attribute a
				                 WHERE a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped)
				        OR c.relname = 'clinic')
				   AND NOT (c.relrowsecurity
				            AND EXISTS (SELECT 1 FROM pg_policy p
				                         WHERE p.polrelid = c.oid AND p.polcmd = '*' AND p.polpermissive
				                           AND (SELECT oid FROM pg_roles WHERE rolname = ?) = ANY (p.polroles)))
				 ORDER BY 1
				""").param(role()).query(String.class).list();
		assertThat(unprotected).as("tables with clinic data but no row-level security for the app role").isEmpty();
		assertThat(this.owner.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = ?
				""").param(role()).query(String.class).list()).as("objects the app role owns").isEmpty();
		assertThat(this.owner.sql("SELECT rolsuper OR rolbypassrls OR rolcreaterole FROM pg_roles WHERE rolname = ?")
			.param(role())
			.query(Boolean.class)
			.single()).as("superuser, BYPASSRLS or CREATEROLE").isFalse();
		// No FORCE needed: the app does not own the tables, so the policies apply to it.
		assertThat(this.owner.sql("SELECT has_table_privilege(?, 'flyway_schema_history', 'SELECT')")
			.param(role())
			.query(Boolean.class)
			.single()).isFalse();
	}

	/**
	 * Read models (docs/modules.md) are views over several modules' tables. Each reads
	 * them as the role that queries it ({@code security_invoker}; a view without it would
	 * read them as its owner, past the policies), so a clinic sees only its own rows
	 * there too; and the app role may only read them, never write another module's table
	 * through one.
	 */
	@Test
	void everyReadModelShowsClinicAOnlyItsOwnRowsAndOnlyToRead() {
		List<String> readModels = readModels();
		assertThat(readModels).contains("read_model.flag_queue_staff", "read_model.patient_list",
				"read_model.audit_trail");
		for (String readModel : readModels) {
			assertThat(this.owner.sql("""
					SELECT coalesce(array_to_string(c.reloptions, ','), '') FROM pg_class c
					 WHERE c.oid = CAST(? AS regclass)""").param(readModel).query(String.class).single())
				.as("the options of %s", readModel)
				.contains("security_invoker=true");
			assertThat(this.owner.sql("""
					SELECT has_table_privilege(?, ?, 'SELECT'), has_table_privilege(?, ?, 'INSERT'),
					       has_table_privilege(?, ?, 'UPDATE'), has_table_privilege(?, ?, 'DELETE'),
					       has_table_privilege(?, ?, 'TRUNCATE')""")
				.params(role(), readModel, role(), readModel, role(), readModel, role(), readModel, role(), readModel)
				.query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
						rs.getBoolean(5)))
				.single()).as("what the app role may do with %s", readModel)
				.containsExactly(true, false, false, false, false);
			List<UUID> seen = inClinic(this.a.clinicId(),
					() -> this.jdbc.sql("SELECT clinic_id FROM " + readModel).query(UUID.class).list());
			assertThat(seen).as("clinics seen in %s with clinic A's scope", readModel)
				.isNotEmpty()
				.containsOnly(this.a.clinicId());
		}
	}

	/**
	 * The policies must not look to the planner like a second, very selective filter on
	 * top of each query's own {@code clinic_id = ?} (V16's {@code OR} form was estimated
	 * at about 1/70 of a clinic's rows and gave nested loops over every report of a
	 * clinic; V17). Forty clinics of fifty patients, in a transaction rolled back at the
	 * end, statistics included: the app role's estimate of one clinic's patients is at
	 * least 40% of the owner's.
	 */
	@Test
	void thePoliciesDoNotShrinkThePlannersEstimateOfAClinicsRows() throws Exception {
		try (Connection connection = EmbeddedPostgresEnvironment.ownerDataSource().getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						CREATE TEMP TABLE estimate_clinic ON COMMIT DROP AS
						SELECT gen_random_uuid() AS id, n FROM generate_series(1, 40) n
						""");
				statement.execute("""
						INSERT INTO clinic (id, name, phone, emergency_number, time_zone, created_at, version)
						SELECT id, 'Estimate clinic ' || n, '000', '999', 'UTC', now(), 0 FROM estimate_clinic
						""");
				statement.execute("""
						INSERT INTO patient (id, clinic_id, given_name, family_name, date_of_birth, email, created_at,
						                     version)
						SELECT gen_random_uuid(), c.id, 'Given', 'Family ' || p, DATE '1980-01-01',
						       'estimate' || c.n || '.' || p || '@example.invalid', now(), 0
						  FROM estimate_clinic c CROSS JOIN generate_series(1, 50) p
						""");
				statement.execute("ANALYZE patient");
				UUID clinic;
				try (ResultSet rows = statement.executeQuery("SELECT id FROM estimate_clinic WHERE n = 1")) {
					rows.next();
					clinic = rows.getObject(1, UUID.class);
				}
				String query = "EXPLAIN (FORMAT JSON) SELECT * FROM patient WHERE clinic_id = '" + clinic + "'";
				double owner = plannedRows(statement, query);
				statement.execute("SET LOCAL ROLE " + role());
				statement.execute("SELECT set_config('app.clinic_id', '" + clinic + "', true)");
				double app = plannedRows(statement, query);
				assertThat(owner).as("the owner's estimate").isGreaterThan(20);
				assertThat(app).as("the app role's estimate under the policy, against the owner's %s", owner)
					.isGreaterThanOrEqualTo(0.4 * owner);
			}
			finally {
				connection.rollback();
			}
		}
	}

	private static double plannedRows(Statement statement, String explain) throws SQLException {
		try (ResultSet plan = statement.executeQuery(explain)) {
			plan.next();
			Matcher rows = Pattern.compile("\"Plan Rows\": ([0-9.]+)").matcher(plan.getString(1));
			assertThat(rows.find()).as(plan.getString(1)).isTrue();
			return Double.parseDouble(rows.group(1));
		}
	}

	@Test
	void theStartUpCheckTellsTheAppRoleFromTheOwner() {
		assertThat(RowLevelSecurityCheck.problem(this.jdbc)).isNull();
		assertThat(RowLevelSecurityCheck.problem(this.owner)).isEqualTo("postgres is a superuser");
	}

	@Test
	void jpaAndJdbcClientShareTheTransactionAndItsScope() {
		List<String> settings = inClinic(this.a.clinicId(),
				() -> this.jdbc
					.sql("SELECT current_setting('app.clinic_id') || '/' || current_setting('app.all_clinics')")
					.query(String.class)
					.list());
		assertThat(settings).containsExactly(this.a.clinicId() + "/off");
		// A scope entered inside an open transaction applies at once and is undone on the
		// way out.
		List<String> seen = inClinic(this.a.clinicId(), () -> {
			List<String> clinics = new ArrayList<>();
			clinics.add(this.jdbc.sql("SELECT string_agg(id::text, ',') FROM clinic").query(String.class).single());
			clinics.add(ClinicScope.runInClinic(new ClinicId(this.b.clinicId()),
					() -> this.jdbc.sql("SELECT string_agg(id::text, ',') FROM clinic").query(String.class).single()));
			clinics.add(this.jdbc.sql("SELECT string_agg(id::text, ',') FROM clinic").query(String.class).single());
			return clinics;
		});
		assertThat(seen).containsExactly(this.a.clinicId().toString(), this.b.clinicId().toString(),
				this.a.clinicId().toString());
		// Once the transaction is over, the connection carries no scope into the next.
		String after = CompletableFuture.supplyAsync(
				() -> new TransactionTemplate(this.transactions).execute((status) -> this.jdbc
					.sql("SELECT coalesce(current_setting('app.clinic_id', true), '') || '/'"
							+ " || coalesce(current_setting('app.all_clinics', true), '')")
					.query(String.class)
					.single()))
			.join();
		assertThat(after).isIn("/", "/off");
	}

	@Test
	void aSignedInClinicianSeesOnlyTheirClinicThroughTheReadModels() throws Exception {
		String patientOfA = this.a.patient().patientId().toString();
		String patientOfB = this.b.patient().patientId().toString();
		String reportOfA = reportOf(this.a);
		String reportOfB = reportOf(this.b);
		this.mvc.perform(get("/clinician/patients").with(user(this.a.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(patientOfA)))
			.andExpect(content().string(not(containsString(patientOfB))));
		this.mvc.perform(get("/clinician/reports").with(user(this.a.clinician())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(reportOfA)))
			.andExpect(content().string(not(containsString(reportOfB))));
		this.mvc.perform(get("/clinician/patients/" + patientOfB).with(user(this.a.clinician())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clinician/reports/" + reportOfB).with(user(this.a.clinician())))
			.andExpect(status().isNotFound());
	}

	private String reportOf(World world) {
		return this.owner.sql("SELECT id FROM symptom_report WHERE clinic_id = ? LIMIT 1")
			.param(world.clinicId())
			.query(UUID.class)
			.single()
			.toString();
	}

	/** Runs the work in one transaction of the app, scoped to the clinic. */
	private <T> T inClinic(UUID clinicId, Supplier<T> work) {
		return ClinicScope.runInClinic(new ClinicId(clinicId),
				() -> new TransactionTemplate(this.transactions).execute((status) -> work.get()));
	}

	private long ownerCount(String table, UUID clinicId) {
		String column = table.equals("clinic") ? "id" : "clinic_id";
		return this.owner.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")
			.param(clinicId)
			.query(Long.class)
			.single();
	}

	/** Every table with a clinic_id column, from the catalog. */
	private List<String> clinicOwnedTables() {
		return this.owner.sql("""
				SELECT c.relname FROM pg_class c
				  JOIN pg_namespace n ON n.oid = c.relnamespace
				  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped
				 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
				 ORDER BY 1
				""").query(String.class).list();
	}

	private List<String> tablesWithClinic() {
		List<String> tables = new ArrayList<>(clinicOwnedTables());
		tables.add("clinic");
		tables.addAll(readModels());
		return tables;
	}

	/** Every view of the schema read_model, schema-qualified, from the catalog. */
	private List<String> readModels() {
		return this.owner.sql("""
				SELECT n.nspname || '.' || c.relname FROM pg_class c
				  JOIN pg_namespace n ON n.oid = c.relnamespace
				 WHERE n.nspname = 'read_model'
				 ORDER BY 1
				""").query(String.class).list();
	}

	private static MockHttpServletRequest randomClient(MockHttpServletRequest request) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		request.setRemoteAddr("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
		return request;
	}

	private static String role() {
		return EmbeddedPostgresEnvironment.APP_ROLE;
	}

	/**
	 * A clinic with at least one row in every clinic-owned table: through the app where
	 * it is quick (patients, treatments, check-ins, reports, flags, contacts, the audit
	 * trail, invitations, reset and sign-in links, erasure requests), and as the owner
	 * for the two-factor tables, the settings rows, R6's settled episodes and ongoing
	 * headaches, and a report's photo.
	 */
	private World clinicWithRowsEverywhere() throws Exception {
		World world = this.fixtures.world(Instant.now().minus(Duration.ofDays(2)));
		UUID clinic = world.clinicId();
		this.reports
			.submit(NewReport.of(new ClinicId(clinic), world.patientId(), UUID.randomUUID(),
					List.of(new NewEntry(Symptom.TROUBLE_SWALLOWING, null, 6, 2,
							Instant.now().minus(Duration.ofHours(1)), true, null, null, null, null, null)),
					"tenant isolation"));
		UUID flag = this.owner.sql("SELECT id FROM flag WHERE clinic_id = ? LIMIT 1")
			.param(clinic)
			.query(UUID.class)
			.single();
		long version = this.owner.sql("SELECT version FROM flag WHERE id = ?").param(flag).query(Long.class).single();
		this.mvc
			.perform(post("/clinician/flags/" + flag + "/contact").with(user(world.clinician()))
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("kind", "CALLED")
				.param("note", "tenant isolation"))
			.andExpect(status().is3xxRedirection());
		this.accounts.invite(new ClinicId(clinic), "invited-" + UUID.randomUUID() + "@test.aftercare", "Invited Nurse",
				Role.CLINICIAN, null);
		// Each from a client address of its own, so that the per-client limits of the
		// other tests' requests cannot hold these links back.
		this.mvc
			.perform(post("/password-reset").with(csrf())
				.param("email", world.clinicianEmail())
				.with(TenantIsolationTests::randomClient))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/login/link/send").with(csrf())
				.param("email", world.patientEmail())
				.with(TenantIsolationTests::randomClient))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/me/erasure").with(user(world.patient())).with(csrf()).param("confirm", "true"))
			.andExpect(status().is3xxRedirection());
		this.audit.record(new AuditEvent(new ClinicId(clinic), null, AuditAction.AUDIT_VIEWED, null, null, null));
		UUID checkIn = this.owner.sql("SELECT id FROM check_in WHERE clinic_id = ? ORDER BY due_at LIMIT 1")
			.param(clinic)
			.query(UUID.class)
			.single();
		assertThat(this.checkInLinks.issue(new ClinicId(clinic), new CheckInId(checkIn))).isPresent();
		UUID account = world.clinician().accountId();
		this.owner.sql("INSERT INTO clinic_security (clinic_id, require_two_factor) VALUES (?, false)")
			.param(clinic)
			.update();
		this.owner
			.sql("INSERT INTO two_factor (clinic_id, account_id, secret, confirmed_at, last_step) "
					+ "VALUES (?, ?, 'sealed', now(), 0)")
			.params(clinic, account)
			.update();
		byte[] handle = UUID.randomUUID().toString().getBytes();
		this.owner
			.sql("INSERT INTO passkey_user (clinic_id, account_id, user_handle, created_at) VALUES (?, ?, ?, now())")
			.params(clinic, account, handle)
			.update();
		this.owner.sql("""
				INSERT INTO passkey (id, clinic_id, account_id, credential_id, public_key, signature_count,
				    uv_initialized, backup_eligible, backup_state, label, created_at)
				VALUES (?, ?, ?, ?, ?, 0, true, false, false, 'Laptop', now())""")
			.params(UUID.randomUUID(), clinic, account, handle, new byte[] { 1 })
			.update();
		this.owner.sql("INSERT INTO recovery_code (clinic_id, account_id, code_hash) VALUES (?, ?, ?)")
			.params(clinic, account, "%064d".formatted(0).replace("0", "a"))
			.update();
		this.owner.sql("""
				INSERT INTO triage_settings (clinic_id, severe_severity, severe_interference, moderate_headache_min,
				    moderate_headache_max, moderate_interference, mild_transient_days, persistent_headache_days,
				    persistent_headache_high_days, worsening_points, late_onset_hours, emergency_ack_minutes,
				    high_ack_minutes, patient_update_hours, updated_at, version)
				VALUES (?, 7, 3, 4, 6, 2, 7, 4, 14, 3, 72, 15, 60, 48, now(), 0)
				""").param(clinic).update();
		this.owner
			.sql("INSERT INTO persistent_headache_settled (clinic_id, treatment_id, through, settled_at) "
					+ "VALUES (?, ?, now(), now())")
			.params(clinic, world.treatmentId())
			.update();
		this.owner
			.sql("INSERT INTO ongoing_headache (clinic_id, treatment_id, patient_id, reported_at, started_at) "
					+ "VALUES (?, ?, ?, now(), now() - interval '1 day')")
			.params(clinic, world.treatmentId(), world.patient().patientId())
			.update();
		UUID report = this.owner.sql("SELECT id FROM symptom_report WHERE clinic_id = ? LIMIT 1")
			.param(clinic)
			.query(UUID.class)
			.single();
		this.owner.sql("""
				INSERT INTO report_photo (id, clinic_id, patient_id, form_token, report_id, uploaded_at, content_type,
				    width, height, thumbnail_width, thumbnail_height, image, thumbnail)
				VALUES (?, ?, ?, ?, ?, now(), 'image/jpeg', 1, 1, 1, 1, ?, ?)""")
			.params(UUID.randomUUID(), clinic, world.patient().patientId(), UUID.randomUUID(), report, new byte[] { 1 },
					new byte[] { 1 })
			.update();
		return world;
	}

}
