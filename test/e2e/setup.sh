#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently (../../../shared/recipes/vscode-e2e.md, section 1):
#   - Debian packages: chromium (the headless browser), ripgrep (seeds @vscode/ripgrep's download
#     cache) and libkrb5-dev (code-server's `kerberos` module builds from source);
#   - code-server 4.100.3 in test/e2e/vscode-runner/node_modules, from its committed package-lock.json.
# A second run checks and exits in well under a second. test/run.mjs calls it before the e2e tests.
# Installing Debian packages needs root; without root and with them missing, it says what to run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runner="$here/vscode-runner"
code_server="$runner/node_modules/.bin/code-server"
stamp="$runner/node_modules/.maximo-workbench-setup"
apt_packages=(chromium ripgrep libkrb5-dev)

# The lockfile's hash marks a finished install: an interrupted `npm ci` or a changed lockfile re-installs.
lock_hash="$(sha256sum "$runner/package-lock.json" | cut -d' ' -f1)"

missing_apt=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$' || missing_apt+=("$package")
done
runner_ok=false
if [[ -x "$code_server" && -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then runner_ok=true; fi

if [[ ${#missing_apt[@]} -eq 0 && "$runner_ok" == true ]]; then
  echo "e2e setup: chromium, ripgrep, libkrb5-dev and code-server are installed"
  exit 0
fi

if [[ ${#missing_apt[@]} -gt 0 ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "e2e setup: missing Debian packages (${missing_apt[*]}): run 'sudo bash test/e2e/setup.sh' once, or 'npm run test:unit' to skip the end-to-end tests" >&2
    exit 1
  fi
  echo "e2e setup: apt-get install ${missing_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi

if [[ "$runner_ok" != true ]]; then
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [[ "$node_major" != 20 ]]; then
    echo "e2e setup: code-server 4.100.3 installs only on Node 20 (this is $(node -v)); switch to Node 20 and run again" >&2
    exit 1
  fi
  # @vscode/ripgrep (inside code-server's VS Code) downloads rg from GitHub at postinstall unless its
  # cache holds the tarball; seed it with Debian's rg. Name from @vscode/ripgrep@1.15.11.
  rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  rg_tarball="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [[ ! -s "$rg_tarball" ]]; then
    mkdir -p "$rg_cache"
    tar -czf "$rg_tarball" -C "$(dirname "$(command -v rg)")" rg
  fi
  echo "e2e setup: npm ci in test/e2e/vscode-runner (code-server 4.100.3, about a minute; native modules build from source)"
  rm -f "$stamp"
  # unsafe_perm: code-server's postinstall refuses root without it (it reads the variable itself, so
  # npm's "Unknown env config" warning is harmless). yes: node-pty's postinstall runs `npx node-gyp`,
  # which ~/.npmrc's `yes=false` would cancel on a machine whose npx cache is empty.
  (cd "$runner" && npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund)
  # Not `code-server --version`: without --config it writes ~/.config/code-server/config.yaml.
  version="$(node -p "require('$runner/node_modules/code-server/package.json').version")"
  vscode_modules="$runner/node_modules/code-server/lib/vscode/node_modules"
  if [[ "$version" != 4.100.3 || ! -x "$vscode_modules/@vscode/ripgrep/bin/rg" || ! -f "$vscode_modules/node-pty/build/Release/pty.node" ]]; then
    echo "e2e setup: code-server's install did not finish (version '$version', or no rg / node-pty in lib/vscode); see npm's log above" >&2
    exit 1
  fi
  echo "$lock_hash" >"$stamp"
  echo "e2e setup: code-server $version installed"
fi
