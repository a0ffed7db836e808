# Parley's container image, built from this checkout: the Maven wrapper builds the jars in a JDK stage, and the
# runtime stage holds only a JRE, bin/parley, the jars and the seed articles. docker-compose.yml builds it
# (`docker compose build`); alone: `docker build -t parley:local .`, then `docker run --rm parley:local --help`.
# Not built where Parley is developed (no Docker engine there); ContainerImageTest keeps it consistent with the
# build and with docker-compose.yml.

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
COPY --from=build /src/bin/parley /opt/parley/bin/parley
COPY --from=build /src/cli/target/parley-cli.jar /opt/parley/cli/target/parley-cli.jar
COPY --from=build /src/cli/target/lib/ /opt/parley/cli/target/lib/
COPY --from=build /src/seeds/ /opt/parley/seeds/
USER parley
WORKDIR /var/lib/parley
ENTRYPOINT ["/opt/parley/bin/parley"]
CMD ["--help"]
