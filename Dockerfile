# diplowatch service image. Not built on the development machines (no Docker engine there);
# build elsewhere with:  docker build -t diplowatch .
# Run:  docker run -d --name diplowatch -v diplowatch-data:/data diplowatch
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY config ./config
COPY scraper ./scraper
COPY storage ./storage
RUN python -m venv /opt/diplowatch \
 && /opt/diplowatch/bin/pip install ".[postgres]"

FROM python:3.11-slim
LABEL org.opencontainers.image.title="diplowatch" \
      org.opencontainers.image.description="Diplomatic meeting records from ministry and agency reports"
RUN groupadd --system diplowatch \
 && useradd --system --gid diplowatch --home-dir /data --shell /usr/sbin/nologin diplowatch \
 && mkdir -p /data && chown diplowatch:diplowatch /data
COPY --from=build /opt/diplowatch /opt/diplowatch
ENV PATH="/opt/diplowatch/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    DIPLOWATCH_DATABASE_URL="sqlite:////data/diplowatch.db"
WORKDIR /data
VOLUME ["/data"]
USER diplowatch
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=5m --timeout=30s CMD ["diplowatch", "sources", "--format", "json"]
CMD ["diplowatch", "run"]
