#!/usr/bin/env bash
# Builds mmlab/jre-base:local without any registry: a JRE jlink'd from the local JDK, the shared
# libraries it (and DJL's PyTorch native library) needs copied from this machine, and a non-root
# user, imported with `docker import`. For machines that cannot pull eclipse-temurin:17-jre.
#
#   docker/build-local-base.sh [IMAGE]        (default mmlab/jre-base:local)
#   JAVA_HOME=/path/to/jdk17 docker/build-local-base.sh
set -euo pipefail

IMAGE="${1:-mmlab/jre-base:local}"
JDK="${JAVA_HOME:-}"
if [ -z "$JDK" ] || [ ! -d "$JDK/jmods" ]; then
  for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk /usr/lib/jvm/*17*; do
    if [ -d "$d/jmods" ]; then JDK="$d"; break; fi
  done
fi
[ -n "$JDK" ] && [ -d "$JDK/jmods" ] || {
  echo "build-local-base: no JDK 17 with jmods found (set JAVA_HOME; Debian: apt-get install openjdk-17-jdk-headless)" >&2
  exit 1
}
command -v docker >/dev/null || { echo "build-local-base: docker is not installed" >&2; exit 1; }

# What the services use: the Java SE API, sun.misc.Unsafe (Netty, DJL), EC crypto (TLS),
# JMX/management (Micrometer's JVM meters), the zip file system (Spring Boot's nested jars) and
# the DNS name service.
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.zipfs,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.net,jdk.jfr,jdk.httpserver,jdk.jdwp.agent

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
ROOT="$WORK/rootfs"
mkdir -p "$ROOT"/{opt,etc,tmp,lib64,usr/lib/x86_64-linux-gnu}
ln -s usr/lib "$ROOT/lib"
chmod 1777 "$ROOT/tmp"

echo "build-local-base: jlink from $JDK"
"$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$ROOT/opt/java"

# Shared libraries: everything the JRE's own libraries link against, headless AWT included (the
# trainer draws its reward chart with xchart), minus the X11/sound ones that are never loaded
# headless; plus what is loaded with dlopen: fontconfig (font lookup), and libstdc++, libgomp and
# libgcc_s for DJL's libtorch. Copied from this machine, so the base matches its glibc.
LIBS="$WORK/libs.txt"
: >"$LIBS"
needs() {
  ldd "$1" 2>/dev/null | awk '/=>/ && $3 ~ /^\// {print $3} /^[[:space:]]*\/lib64\// {print $1}' >>"$LIBS" || true
}
find "$ROOT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) |
  grep -Ev '/lib(awt_xawt|splashscreen|jsound|jawt)\.so$' |
  while read -r f; do needs "$f"; done
for extra in libfontconfig.so.1 libstdc++.so.6 libgomp.so.1 libgcc_s.so.1 libz.so.1 libm.so.6 librt.so.1 libdl.so.2 libpthread.so.0 libc.so.6; do
  p="$(ldconfig -p | awk -v n="$extra" '$1 == n && /x86-64/ && !found {print $NF; found = 1}')"
  [ -n "$p" ] || { echo "build-local-base: $extra not found on this machine (Debian: apt-get install fontconfig libgomp1)" >&2; exit 1; }
  echo "$p" >>"$LIBS"
  needs "$p"
done
sort -u "$LIBS" | while read -r lib; do
  real="$(readlink -f "$lib")"
  case "$lib" in
    /lib64/*) cp -L "$real" "$ROOT/lib64/$(basename "$lib")" ;;
    *) cp -L "$real" "$ROOT/usr/lib/x86_64-linux-gnu/$(basename "$lib")" ;;
  esac
done
[ -e "$ROOT/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$ROOT/lib64/"

# Fonts for headless rendering: fontconfig's configuration and the DejaVu family.
if [ -d /etc/fonts ] && [ -d /usr/share/fonts/truetype/dejavu ]; then
  mkdir -p "$ROOT/usr/share/fonts/truetype" "$ROOT/var/cache/fontconfig"
  cp -rL /etc/fonts "$ROOT/etc/fonts"
  cp -rL /usr/share/fonts/truetype/dejavu "$ROOT/usr/share/fonts/truetype/"
  chmod 1777 "$ROOT/var/cache/fontconfig"
else
  echo "build-local-base: no /etc/fonts or DejaVu fonts here (Debian: apt-get install fonts-dejavu-core fontconfig)" >&2
  exit 1
fi
echo "/usr/lib/x86_64-linux-gnu" >"$ROOT/etc/ld.so.conf"

# The service images run as uid 10001; naming it keeps tools and logs readable.
cat >"$ROOT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
mmlab:x:10001:10001:mmlab:/var/lib/mmlab:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat >"$ROOT/etc/group" <<'GROUP'
root:x:0:
mmlab:x:10001:
nogroup:x:65534:
GROUP
echo "hosts: files dns" >"$ROOT/etc/nsswitch.conf"

echo "build-local-base: importing $IMAGE"
tar --numeric-owner --owner=0 --group=0 -C "$ROOT" -c . |
  docker import \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'ENV PATH=/opt/java/bin' \
    --change 'ENV LANG=C.UTF-8' \
    - "$IMAGE" >/dev/null
docker run --rm "$IMAGE" java -version >/dev/null 2>&1 || {
  echo "build-local-base: the imported image cannot run java" >&2
  docker run --rm "$IMAGE" java -version >&2 || true
  exit 1
}
echo "build-local-base: $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
