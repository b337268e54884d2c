#!/usr/bin/env bash
# What the test suite needs besides npm packages: Debian's Chromium for Playwright and a
# running PostgreSQL on 127.0.0.1:5432. Installs/starts them when missing (needs root).
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "[tests] installing Chromium from Debian…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "[tests] /usr/bin/chromium is missing: run 'sudo apt-get install chromium'" >&2
    exit 1
  fi
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "[tests] starting PostgreSQL…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "[tests] PostgreSQL is not reachable on 127.0.0.1:5432 (set TALLYHUB_PG_ADMIN_URL)" >&2; exit 1; }
fi
