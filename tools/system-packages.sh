#!/usr/bin/env bash
# The Debian packages the tests need, in one place: `make test` and `.ci/run` both run this.
# Installs what is missing when it can (root, or sudo without a password); otherwise
# prints the one command to run and exits 1, before any test has run.
#   chromium             browser tests and PDF handouts (Playwright drives Debian's build)
#   default-jre-headless the Nu HTML Checker (vnu.jar) runs on Java
#   nginx                serves the site with our security headers in the hosting tests
#   poppler-utils        pdftotext, to read the handouts the tests print
#   fonts-liberation     Arial's metrics: the print stylesheet asks for Arial, and the browser tests
#                        lay text out in Liberation Sans (tests/browser/fonts.conf) on every image
#   python3-venv         make creates .venv from requirements.lock
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -n "${GUIDE_CHROMIUM:-}" ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
compgen -G "/usr/share/fonts/truetype/liberation*/LiberationSans-Regular.ttf" >/dev/null || need+=(fonts-liberation)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
((${#need[@]})) || exit 0

if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "The tests need these Debian packages: ${need[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  echo "then run 'make test' again. ('make test-fast' runs the tests that need no browser; it is not a full run.)" >&2
  exit 1
fi
echo "Installing system packages the tests need: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
