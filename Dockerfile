# Any Latchkey app, built from the repository root (the Maven reactor) and run on a JRE as a
# non-root user. docker-compose.yml passes the app and its port:
#   docker build --build-arg APP=auth-server --build-arg PORT=9000 .
FROM eclipse-temurin:25-jdk AS build
ARG APP
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -pl "${APP}" -am -DskipTests package \
    && cp "${APP}/target/${APP}-"*.jar /src/app.jar

FROM eclipse-temurin:25-jre
ARG PORT
# jemalloc instead of glibc's malloc: its background thread hands back the memory the JIT
# compiler peaked at while warming up, which glibc keeps (bench/results/history.md, Memory).
RUN apt-get update && apt-get install -y --no-install-recommends libjemalloc2 \
    && rm -rf /var/lib/apt/lists/* \
    && jemalloc="$(find /usr/lib -name libjemalloc.so.2 | head -n 1)" && test -n "${jemalloc}" \
    && ln -s "${jemalloc}" /usr/local/lib/libjemalloc.so.2
ENV LD_PRELOAD=/usr/local/lib/libjemalloc.so.2 \
    MALLOC_CONF=background_thread:true
RUN groupadd --system --gid 10001 latchkey && useradd --system --uid 10001 --gid latchkey latchkey
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
COPY jvm/ /app/jvm/
USER 10001:10001
ENV APP_PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD curl -fsS "http://localhost:${APP_PORT}/readyz" || exit 1
# The JVM options run.sh uses (jvm/: why each); LATCHKEY_JVM_OPTIONS comes after them, so it wins.
ENV LATCHKEY_JVM_OPTIONS=""
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm/all.options @/app/jvm/jdk25.options $LATCHKEY_JVM_OPTIONS -jar /app/app.jar"]
