#!/usr/bin/env bash
# Downloads an OpenStreetMap extract from Geofabrik into data-files/osm/ (git-ignored; the project never
# commits OSM data). Data (c) OpenStreetMap contributors, ODbL 1.0.
set -euo pipefail

usage() {
  cat <<USAGE
Usage: $(basename "$0") REGION

Downloads https://download.geofabrik.de/REGION-latest.osm.pbf and saves it as data-files/osm/NAME.osm.pbf,
NAME being the last part of REGION (europe/liechtenstein -> data-files/osm/liechtenstein.osm.pbf).
REGION is a Geofabrik path, for example:
  europe/liechtenstein
  europe/germany/bayern/oberbayern
  north-america/us/maryland

Without network: any OpenStreetMap extract in .osm.pbf format works; copy it into data-files/osm/.
The service and the command line use the only extract there (or the one configured: --techroute.road.osm-file=FILE,
TECHROUTE_OSM_FILE=FILE); the road tests look for data-files/osm/liechtenstein.osm.pbf.
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
name="$(basename "$region").osm.pbf"
host="download.geofabrik.de"
url="https://$host/${region}-latest.osm.pbf"

created_dir=""
if [ ! -d "$target_dir" ]; then
  mkdir -p "$target_dir"
  created_dir="yes"
fi
tmp="$target_dir/.$name.part"
# never leave a partial download (nor an empty folder this script made) behind, however the script ends
cleanup() {
  rm -f "$tmp"
  if [ -n "$created_dir" ]; then
    rmdir "$target_dir" 2>/dev/null || true
    rmdir "$repo_root/data-files" 2>/dev/null || true
  fi
}
trap cleanup EXIT

fail() {
  cat >&2 <<MESSAGE
error: could not download $url: $1.
Any OpenStreetMap extract in .osm.pbf format works instead: copy it into data-files/osm/
(e.g. data-files/osm/$name), or give its path with --techroute.road.osm-file=FILE (service) or
TECHROUTE_OSM_FILE=FILE (command line). Without an extract, problems can ask for "travelMode": "haversine".
MESSAGE
  exit 1
}

echo "Downloading $url"
if command -v curl >/dev/null 2>&1; then
  status=0
  curl --fail --location --silent --show-error --connect-timeout 20 --output "$tmp" "$url" 2>/dev/null || status=$?
  case $status in
    0) ;;
    6) fail "cannot resolve $host (no network here?)" ;;
    7|28|35) fail "cannot connect to $host (no network, or a proxy or firewall in the way?)" ;;
    22) fail "$host has no such file (check REGION at https://$host/)" ;;
    *) fail "curl stopped with exit status $status" ;;
  esac
elif command -v wget >/dev/null 2>&1; then
  wget --quiet --timeout=20 --output-document="$tmp" "$url" || fail "wget stopped with exit status $?"
else
  fail "neither curl nor wget is installed"
fi
if [ ! -s "$tmp" ]; then
  fail "the download is empty"
fi
mv "$tmp" "$target_dir/$name"
created_dir=""
echo "Saved $target_dir/$name ($(du -h "$target_dir/$name" | cut -f1)). Data (c) OpenStreetMap contributors, ODbL."
others=$(find "$target_dir" -maxdepth 1 -type f \( -name '*.pbf' -o -name '*.osm' -o -name '*.osm.gz' \) ! -name "$name" | wc -l)
if [ "$others" -gt 0 ]; then
  echo "Note: data-files/osm/ holds other extracts too; the service then needs the one to use named:" \
       "--techroute.road.osm-file=$target_dir/$name" >&2
fi
