# factcheck serve: the HTTP service (docs/cms.md). Slim, runs as a non-root user, with a health check.
#
#   docker build -t factcheck .
#   docker run --rm -p 8080:8080 -e FACTCHECK_API_TOKEN=change-me factcheck --workers 4
#
# Arguments after the image name go to `factcheck serve` (--workers, --source NAME=URL, --no-references...).

# Build stage: durable-rules compiles from source (gcc and the Python headers), so wheels are built
# here and the runtime image carries no compiler.
FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md ./
COPY factcheck ./factcheck
COPY rules ./rules
COPY sources ./sources
COPY patterns ./patterns
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    FACTCHECK_CACHE_DIR=/var/cache/factcheck
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels factcheck \
 && rm -rf /wheels \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin factcheck \
 && mkdir -p /var/cache/factcheck \
 && chown factcheck /var/cache/factcheck
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status != 200)"]
ENTRYPOINT ["factcheck", "serve", "--host", "0.0.0.0", "--port", "8080"]
