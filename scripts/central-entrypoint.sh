#!/bin/sh
# The container's entry: with FRONTDESK_ADMIN_PASSWORD set, make sure the first admin exists
# (named FRONTDESK_ADMIN_USER, "admin" by default; nothing changes when an admin already
# exists), then run the command (Central by default) as PID 1, so SIGTERM stops it cleanly.
set -eu
if [ -n "${FRONTDESK_ADMIN_PASSWORD:-}" ]; then
  # Another admin already there is no error here; Central refuses to start only with no admin.
  frontdesk central init --admin "${FRONTDESK_ADMIN_USER:-admin}" || echo "central-entrypoint: no new admin made (see above); going on" >&2
fi
exec "$@"
