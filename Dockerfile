# Parley's container image, built with Docker from this checkout: the Maven wrapper builds the jars in a JDK stage,
# and the runtime stage holds only a JRE, the jars and the seed articles. Where no Docker daemon or registry is at
# hand, bin/build-image makes the same image with Jib over a Debian base instead (docs/container.md); both have
# the same layout, user and entry point, so docker-compose.yml runs either. Alone:
# `docker build -t parley:local .`, then `docker run --rm parley:local --help`.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# .dockerignore keeps host builds (target/) and local state out: the jars are built here, from the sources.
COPY . .
RUN ./mvnw -B -q -DskipTests package -pl cli -am

FROM eclipse-temurin:17-jre
# A user of its own; /var/lib/parley (state, .parley, the working directory) and /out (the sink's files) are its.
RUN useradd --system --uid 10001 --home-dir /var/lib/parley parley \
    && mkdir -p /var/lib/parley /out \
    && chown parley:parley /var/lib/parley /out
# Jib's layout for a packaged jar (cli/pom.xml, profile image): the jar in /app/classpath, its libraries in /app/libs.
COPY --from=build /src/cli/target/parley-cli.jar /app/classpath/parley-cli.jar
COPY --from=build /src/cli/target/lib/ /app/libs/
COPY seeds/ /opt/parley/seeds/
USER 10001
WORKDIR /var/lib/parley
ENTRYPOINT ["java", "-cp", "/app/classpath/*:/app/libs/*", "org.parley.cli.ParleyCli"]
CMD ["--help"]
