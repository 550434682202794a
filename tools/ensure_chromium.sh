#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests of `communique serve`,
# when they are missing and this machine can install them (root with apt-get). Never fails the
# build: without them the browser tests skip and say why.
set -u

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "ensure_chromium: chromium and chromedriver are installed"
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: chromium/chromedriver missing and cannot install them here" \
         "(needs root and apt-get); the browser tests will be skipped"
    exit 0
fi
echo "ensure_chromium: installing chromium and chromium-driver with apt-get"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; then
    echo "ensure_chromium: installed $(/usr/bin/chromium --version 2>/dev/null)"
else
    echo "ensure_chromium: apt-get could not install chromium; the browser tests will be skipped"
fi
exit 0
