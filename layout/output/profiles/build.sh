#!/bin/sh
# Rebuild newsprint-tr002.icc from Debian's CGATS TR 002 characterisation data.
#
#   apt-get install argyll icc-profiles-free     # argyll 2.3.1+repack-1.1+b1, icc-profiles-free 2.0.1+dfsg-1.1
#   sh layout/output/profiles/build.sh [OUT.icc]   # default: newsprint-tr002.icc beside this script
#
# About 2 minutes on this 2-core machine; also needs python3 (stdlib only). The only run-to-run
# difference in colprof's output is the creation date in the ICC header (bytes 24-35); this script
# overwrites it with a fixed date, so the bytes are reproducible (see README.md). Only this script needs argyll; the project uses the committed profile.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/newsprint-tr002.icc}
ti3=/usr/share/color/icc/TR002.ti3                  # icc-profiles-free
srgb=/usr/share/color/argyll/ref/sRGB.icm           # argyll (argyll-ref)
# Header date written into the profile (UTC), instead of "now".
stamp=${PROFILE_DATE:-2026-12-02T00:00:00}

for f in "$ti3" "$srgb"; do
    [ -r "$f" ] || { echo "missing $f: apt-get install argyll icc-profiles-free" >&2; exit 1; }
done
command -v colprof >/dev/null || { echo "colprof not found: apt-get install argyll" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ti3" "$work/TR002.ti3"

(cd "$work" && colprof -v -qm -kr -l240 \
    -S "$srgb" -cmt -dpp -nc \
    -A "layout" \
    -M "CGATS TR 002 coldset newsprint, 240% TAC" \
    -D "layout newsprint TR002 (coldset, 240% TAC)" \
    -C "Derived from CGATS TR 002 characterization data (ANSI CGATS/SNAP TR 002-2007, (c) 2007 NPES). Built with ArgyllCMS. No warranty." \
    -O out.icc TR002 >colprof.log 2>&1) || { tail -20 "$work/colprof.log" >&2; exit 1; }

# Fix the ICC header dateTimeNumber (6 x uInt16 big-endian at offset 24). v2 profile: no profile ID to update.
python3 - "$work/out.icc" "$stamp" <<'EOF'
import struct, sys, datetime
path, stamp = sys.argv[1], sys.argv[2]
d = datetime.datetime.fromisoformat(stamp)
b = bytearray(open(path, 'rb').read())
assert b[36:40] == b'acsp' and b[12:16] == b'prtr', 'not an ICC output profile'
b[24:36] = struct.pack('>6H', d.year, d.month, d.day, d.hour, d.minute, d.second)
open(path, 'wb').write(b)
EOF

cp "$work/out.icc" "$out"
profcheck "$work/TR002.ti3" "$out" 2>&1 | tail -1
profcheck -k "$work/TR002.ti3" "$out" 2>&1 | tail -1
sha256sum "$out"
