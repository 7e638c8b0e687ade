#!/usr/bin/env bash
# Chapter 5's measurement: nginx and a lab05 server serve the same 1 KiB file from the same
# directory, and wrk loads each in turn on loopback (2 threads, 50 connections, 10 s).
#
#   bash examples/ch05/bench/run.sh [SERVER]
#
# SERVER is the lab05 program to measure (default: target/release/lab05-solution; build it
# with `cargo build --release -p lab05-solution`, or pass target/release/lab05 for yours).
# Needs nginx (apt-get install nginx) and wrk; uses ports 18080 (nginx) and 18081.
set -euo pipefail
cd "$(dirname "$0")/../../.."
SERVER=${1:-target/release/lab05-solution}
[ -x "$SERVER" ] || { echo "run.sh: $SERVER is not built (cargo build --release -p lab05-solution)" >&2; exit 2; }
command -v nginx >/dev/null || { echo "run.sh: nginx is not installed" >&2; exit 2; }
command -v wrk >/dev/null || { echo "run.sh: wrk is not installed" >&2; exit 2; }

WORK=$(mktemp -d /tmp/ch05-bench.XXXXXX)
mkdir -p "$WORK/root" "$WORK/nginx/tmp"
chmod 755 "$WORK" "$WORK/root"
# The file both servers serve: 1024 bytes of HTML.
{
    printf '<!doctype html>\n<html lang="ko"><head><meta charset="utf-8"><title>bench</title></head>\n<body>\n'
    for _ in $(seq 20); do printf '<p>socket / 소켓</p>\n'; done
} > "$WORK/root/index.html"
size=$(wc -c < "$WORK/root/index.html")
head -c $((1024 - size - 1)) /dev/zero | tr '\0' ' ' >> "$WORK/root/index.html"
printf '\n' >> "$WORK/root/index.html"
sed -e "s|PREFIX|$WORK/nginx|g" -e "s|ROOT|$WORK/root|g" examples/ch05/bench/nginx.conf > "$WORK/nginx/nginx.conf"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== nginx $(nginx -v 2>&1 | sed 's/.*\///'), $(nproc) cores"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
pids+=($!)
sleep 1
curl -sf -o /dev/null http://127.0.0.1:18080/index.html
wrk -t2 -c50 -d10s http://127.0.0.1:18080/index.html
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true

echo "== $SERVER"
"$SERVER" --listen 127.0.0.1:18081 --root "$WORK/root" 2> "$WORK/lab05.log" &
pids+=($!)
sleep 1
curl -sf -o /dev/null http://127.0.0.1:18081/index.html
wrk -t2 -c50 -d10s http://127.0.0.1:18081/index.html
