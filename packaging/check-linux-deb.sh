#!/usr/bin/env bash
# Checks the Linux installer the way a user meets it, without installing it system-wide:
#   1. builds target/installer/rlhf-workbench_*.deb (mvn -Ppackage) unless one exists (--rebuild forces it)
#   2. unpacks it with dpkg-deb -x into a temp folder, checks the launchers, icon, desktop entry,
#      and that JavaFX and the PyTorch native library are inside
#   3. starts the GUI launcher under Xvfb with an empty workbench home and an empty DJL cache
#      (so the native library must come from the installer, offline), waits for the main window
#      and for the sample project to open in it, and saves a screenshot to target/check-deb-screenshot.png
#   4. runs the installed CLI launcher's `generate` on the sample's base model
# Prints the installer size and the cold start (launch -> window shown, -> sample open) and
# writes them to target/check-deb-report.txt. Needs: dpkg-deb, Xvfb, xwininfo, imagemagick (import).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "${1:-}" = "--rebuild" ] || ! ls target/installer/rlhf-workbench_*.deb >/dev/null 2>&1; then
  echo "check: building the .deb (mvn -Ppackage -DskipTests package)"
  rm -rf target/installer
  mvn -B -q -Ppackage -DskipTests package
fi
deb="$(ls target/installer/rlhf-workbench_*.deb | head -1)"
work="$(mktemp -d /tmp/rlhf-deb-check.XXXXXX)"
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "check FAILED: $*" >&2; exit 1; }

# 2. unpack and look inside
dpkg-deb -x "$deb" "$work/root"
app="$work/root/opt/rlhf-workbench"
for f in bin/rlhf-workbench bin/rlhf lib/rlhf-workbench.png lib/rlhf-workbench-rlhf-workbench.desktop \
         lib/app/rlhf-workbench.jar lib/runtime/lib/libjava.so; do
  [ -e "$app/$f" ] || fail "$f missing from the package"
done
ls "$app"/lib/app/lib/pytorch-native-*-linux-x86_64.jar >/dev/null || fail "no PyTorch native jar in the package"
ls "$app"/lib/app/lib/javafx-graphics-*-linux.jar >/dev/null || fail "no JavaFX (linux) jar in the package"
unzip -l "$app/lib/app/rlhf-workbench.jar" | grep -q "sample-projects/assistant/models/base/model.safetensors" \
  || fail "the sample project is not inside the jar"
modules="$("$app/lib/runtime/bin/java" --list-modules | wc -l)"

# 3. cold start under Xvfb with a fresh home and DJL cache
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY="$display"
export RLHF_WORKBENCH_HOME="$work/home" DJL_CACHE_DIR="$work/djl" ENGINE_CACHE_DIR="$work/djl" DJL_OFFLINE=true
start=$(date +%s%N)
"$app/bin/rlhf-workbench" >"$work/gui.log" 2>&1 &
app_pid=$!
window_ms=""
project_ms=""
for _ in $(seq 1 1200); do
  tree="$(xwininfo -root -tree 2>/dev/null || true)"
  now=$(date +%s%N)
  if [ -z "$window_ms" ] && grep -q '"RLHF Workbench' <<<"$tree"; then
    window_ms=$(( (now - start) / 1000000 ))
  fi
  if grep -q 'RLHF Workbench — assistant-sample' <<<"$tree"; then
    project_ms=$(( (now - start) / 1000000 ))
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/gui.log" >&2; fail "the GUI launcher exited"; }
  sleep 0.1
done
[ -n "$window_ms" ] || { cat "$work/gui.log" >&2; fail "no main window within 120 s"; }
[ -n "$project_ms" ] || { cat "$work/gui.log" >&2; fail "the sample project did not open within 120 s"; }
sleep 3  # let the opened project's counts and prompts render
mkdir -p target
import -display "$display" -window root target/check-deb-screenshot.png
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""
[ -f "$work/home/projects/assistant-sample/project.db" ] || fail "the sample project was not created in the home"

# 4. the installed CLI
out="$("$app/bin/rlhf" generate --model "$work/home/projects/assistant-sample/models/base" \
  --prompt "User: How do I boil an egg?
Assistant:" --max-new-tokens 24 --seed 1 2>"$work/cli.err")" || { cat "$work/cli.err" >&2; fail "rlhf generate failed"; }
[ -n "$(tr -d '[:space:]' <<<"$out")" ] || fail "rlhf generate printed no text"
ls "$work"/djl/pytorch/*/ >/dev/null 2>&1 || ls "$work"/djl >/dev/null || fail "DJL cache not used"

deb_mb=$(du -m "$deb" | cut -f1)
image_mb=$(du -sm "$app" | cut -f1)
report="installer: $(basename "$deb") ${deb_mb} MB (unpacked ${image_mb} MB, runtime ${modules} modules)
cold start, launch -> main window shown: ${window_ms} ms
cold start, launch -> sample project open: ${project_ms} ms
$(grep -o "Main window shown [0-9]* ms after the JVM started" "$work/gui.log" || echo "(JVM-side timing: see the app log)")
rlhf generate: $(head -c 200 <<<"$out" | tr '\n' ' ')
screenshot: target/check-deb-screenshot.png"
echo "$report" | tee target/check-deb-report.txt
echo "check passed"
