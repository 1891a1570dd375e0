# syntax=docker/dockerfile:1

# ---- builder: install the project and its pinned dependencies into /opt/venv ----
FROM python:3.11-slim AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"

WORKDIR /src
COPY pyproject.toml constraints.txt README.md ./
COPY bot/ bot/
COPY domain/ domain/
COPY fake_telegram/ fake_telegram/
COPY infrastructure/ infrastructure/
COPY learnbot/ learnbot/
COPY migrations/ migrations/
RUN pip install -c constraints.txt .

# ---- runtime: the venv only, run as an unprivileged user ----
# Migrations ship inside the installed package: use `learnbot db upgrade` in the container.
FROM python:3.11-slim AS runtime

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH="/opt/venv/bin:$PATH"

RUN groupadd --system --gid 10001 learnbot \
    && useradd --system --uid 10001 --gid learnbot --home-dir /app --shell /usr/sbin/nologin learnbot \
    && mkdir -p /app \
    && chown learnbot:learnbot /app

WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
# The example course, so `learnbot db upgrade --seed content/python-basics` works in the image.
COPY content/ content/

USER learnbot
CMD ["learnbot", "run"]
