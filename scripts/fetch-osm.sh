#!/usr/bin/env bash
# Downloads an OpenStreetMap extract from Geofabrik into data-files/osm/ (git-ignored; the project never
# commits OSM data). Data (c) OpenStreetMap contributors, ODbL 1.0.
set -euo pipefail

usage() {
  cat <<USAGE
Usage: $(basename "$0") REGION

Downloads https://download.geofabrik.de/REGION-latest.osm.pbf into data-files/osm/.
REGION is a Geofabrik path, for example:
  europe/liechtenstein
  europe/germany/bayern/oberbayern
  north-america/us/maryland

Then point the road graph at it, e.g.
  java -jar benchmarks/target/techroute-benchmarks.jar matrix --osm data-files/osm/liechtenstein-latest.osm.pbf --points 1000
USAGE
}

if [[ $# -ne 1 || "$1" == "-h" || "$1" == "--help" ]]; then
  usage
  exit 2
fi

region="${1#/}"
region="${region%/}"
if [[ ! "$region" =~ ^[a-z0-9/_-]+$ ]]; then
  echo "error: region '$1' should look like europe/liechtenstein (lower case letters, digits, - _ /)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
target_dir="$repo_root/data-files/osm"
name="$(basename "$region")-latest.osm.pbf"
url="https://download.geofabrik.de/${region}-latest.osm.pbf"
mkdir -p "$target_dir"

echo "Downloading $url"
tmp="$target_dir/.$name.part"
if command -v curl >/dev/null 2>&1; then
  curl --fail --location --show-error --output "$tmp" "$url"
elif command -v wget >/dev/null 2>&1; then
  wget --output-document="$tmp" "$url"
else
  echo "error: need curl or wget" >&2
  exit 1
fi
mv "$tmp" "$target_dir/$name"
echo "Saved $target_dir/$name ($(du -h "$target_dir/$name" | cut -f1)). Data (c) OpenStreetMap contributors, ODbL."
