#!/usr/bin/env bash
# `pnpm start`: dependencies, the public site (turbo caches it: rebuilt only when its inputs change),
# then the portal, which serves the site at / beside the portal and the API.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm install --frozen-lockfile --reporter=silent
if ! pnpm exec turbo run build --filter=@sequin/site --output-logs=errors-only; then
  # The site needs Chromium for its PDFs (scripts/system-deps.sh installs it). The portal works
  # without the site, so start anyway and say what is missing.
  echo "warning: the public site could not be built; / will link to the portal instead" >&2
fi
exec pnpm --filter @sequin/portal start
