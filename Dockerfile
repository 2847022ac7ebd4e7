# Production image: the app jar without the embedded PostgreSQL (that lives in the test scope only).
# docker compose up builds it; see docker-compose.yml for the environment it expects.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
# Wrapper and pom first, so that the dependency download is cached while only the sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline -DexcludeGroupIds=io.zonky.test,io.zonky.test.postgres || true
COPY src src
RUN ./mvnw -B -DskipTests package \
 && cp target/aftercare-*.jar /workspace/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system aftercare && useradd --system --gid aftercare --home-dir /app --shell /usr/sbin/nologin aftercare
WORKDIR /app
COPY --from=build --chown=aftercare:aftercare /workspace/app.jar app.jar
USER aftercare
EXPOSE 8080
# Memory: the process, not just the heap, stays under 512 MiB after load (docs/benchmarks.md): a 160 MiB heap
# with the serial collector, bounded metaspace and code cache, 512 KiB thread stacks (Tomcat keeps at most 16
# request threads, application.yml) and two malloc arenas instead of one per core.
ENV JAVA_TOOL_OPTIONS="-Xmx160m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
# bash's /dev/tcp, so the check needs neither curl nor wget in the image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
