# Sourced, not run (`. scripts/runtime.sh`): puts Node.js 24 and the project's pnpm first on
# this shell's PATH. Both come from the npm registry into a cache every checkout shares; a
# machine whose own node is already 24 or later keeps it. Nothing outside the cache changes
# (Debian's node stays for whatever else uses it). Versions: docs/developer/versions.md.
campaign_desk_node=24.22.3
campaign_desk_pnpm=12.26.0
campaign_desk_runtime="${CAMPAIGN_DESK_RUNTIME:-${XDG_CACHE_HOME:-$HOME/.cache}/campaign-desk/runtime}"

campaign_desk_setup() {
  case "$PATH" in
    "$campaign_desk_runtime/node_modules/.bin:"*) ;;
    *) PATH="$campaign_desk_runtime/node_modules/.bin:$PATH" ;;
  esac
  export PATH
  campaign_desk_wanted="pnpm@$campaign_desk_pnpm"
  campaign_desk_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$campaign_desk_major" -lt 24 ] || [ -d "$campaign_desk_runtime/node_modules/node-bin" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) campaign_desk_platform=linux-x64 ;;
      Linux-aarch64) campaign_desk_platform=linux-arm64 ;;
      Darwin-arm64) campaign_desk_platform=darwin-arm64 ;;
      Darwin-x86_64) campaign_desk_platform=darwin-x64 ;;
      *) echo "runtime.sh: no Node.js package for $(uname -sm); install Node.js 24 yourself" >&2; return 1 ;;
    esac
    # The platform's package (bin/node and the headers native modules build against) under
    # one name, so the paths here do not depend on the platform.
    campaign_desk_wanted="$campaign_desk_wanted node-bin@npm:node-$campaign_desk_platform@$campaign_desk_node"
  fi
  if [ "$(cat "$campaign_desk_runtime/.installed" 2>/dev/null)" != "$campaign_desk_wanted" ]; then
    echo "runtime.sh: installing $campaign_desk_wanted into $campaign_desk_runtime" >&2
    mkdir -p "$campaign_desk_runtime" || return 1
    # shellcheck disable=SC2086 # a list of packages
    npm install --prefix "$campaign_desk_runtime" --no-save --no-audit --no-fund --loglevel=error \
      $campaign_desk_wanted || return 1
    echo "$campaign_desk_wanted" >"$campaign_desk_runtime/.installed"
  fi
  if [ -d "$campaign_desk_runtime/node_modules/node-bin" ]; then
    # node-gyp builds native modules (better-sqlite3) against these headers, never a download.
    export npm_config_nodedir="$campaign_desk_runtime/node_modules/node-bin"
  fi
  echo "runtime.sh: node $(node --version), pnpm $(pnpm --version)" >&2
}

campaign_desk_setup
campaign_desk_status=$?
unset -f campaign_desk_setup
unset campaign_desk_node campaign_desk_pnpm campaign_desk_runtime campaign_desk_wanted campaign_desk_major campaign_desk_platform
[ "$campaign_desk_status" -eq 0 ] && unset campaign_desk_status
