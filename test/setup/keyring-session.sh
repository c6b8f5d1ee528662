#!/usr/bin/env bash
# Inside a fresh D-Bus session: start and unlock a private gnome-keyring, then run the command.
set -euo pipefail
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
eval "$(printf 'smsit-private-test-keyring\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
export SMSIT_PRIVATE_KEYRING=1
exec "$@"
