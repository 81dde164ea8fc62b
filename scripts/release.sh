#!/usr/bin/env bash
# Builds the release binary for people without Swift, and packs it:
#
#   dist/reconcile-VERSION-linux-ARCH.tar.gz          reconcile-VERSION-linux-ARCH/{reconcile,README.md}
#   dist/reconcile-VERSION-linux-ARCH.tar.gz.sha256   for `sha256sum -c`
#
# VERSION is the first argument, else the git tag on HEAD (v1.2.3 gives 1.2.3), else the
# version in the source (Sources/StripeAPI/Client/ToolVersion.swift). A version other
# than the source's is stamped into that file for the build and put back afterwards.
# The binary links the Swift runtime and Foundation statically (Package.swift), so it
# needs only the C library and a few system libraries; the script prints them.
set -euo pipefail
cd "$(dirname "$0")/.."

version_file=Sources/StripeAPI/Client/ToolVersion.swift
source_version=$(sed -n 's/^ *public static let number = "\(.*\)"$/\1/p' "$version_file")
version="${1:-$(git describe --tags --exact-match 2>/dev/null | sed 's/^v//' || true)}"
version="${version:-$source_version}"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release: '$version' is not a version like 1.2.3 or 1.2.3-rc.1" >&2
  exit 64
fi

if [ "$version" != "$source_version" ]; then
  backup=$(mktemp)
  cp "$version_file" "$backup"
  trap 'cp "$backup" "$version_file"; rm -f "$backup"' EXIT
  sed -i "s/^\( *public static let number = \)\".*\"$/\1\"$version\"/" "$version_file"
fi

swift build -c release --product reconcile
binary="$(swift build -c release --show-bin-path)/reconcile"

name="reconcile-$version-linux-$(uname -m)"
stage=$(mktemp -d)
mkdir "$stage/$name"
cp "$binary" "$stage/$name/reconcile"
strip "$stage/$name/reconcile"
cp README.md "$stage/$name/"
mkdir -p dist
tar -C "$stage" --owner=0 --group=0 -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

echo "release: dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1)), $("$binary" --version)"
echo "release: the binary needs from the system:"
ldd "$binary" | sed 's/^/  /'
