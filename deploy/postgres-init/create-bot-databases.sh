#!/usr/bin/env bash
# Shared-PostgreSQL mode: one server, one database and one login per bot.
# Run once by the postgres image from /docker-entrypoint-initdb.d on an empty data volume.
#   BOT_DATABASES   space- or comma-separated bot names, e.g. "learnbot quizbot"
#   BOT_DB_PASSWORD password for every <bot>_user (default: change-me)
# For each name it creates <bot>_user and <bot>_db owned by it; nothing else can connect.
set -euo pipefail

bots="${BOT_DATABASES:-}"
password="${BOT_DB_PASSWORD:-change-me}"
psql_command=(psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}")

for bot in ${bots//,/ }; do
    if [[ ! "$bot" =~ ^[a-z][a-z0-9_]{0,39}$ ]]; then
        echo "create-bot-databases: '$bot' is not a valid bot name (a-z, 0-9, _)" >&2
        exit 1
    fi
    echo "create-bot-databases: ${bot}_db owned by ${bot}_user"
    "${psql_command[@]}" -v bot_user="${bot}_user" -v bot_db="${bot}_db" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'bot_user', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'bot_user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'bot_db', :'bot_user')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'bot_db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'bot_db') \gexec
SQL
done
